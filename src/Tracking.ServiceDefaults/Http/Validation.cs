namespace Tracking.ServiceDefaults.Http;

/// <summary>Collects field errors in the shape problem details carries them: field name → messages.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public Validation Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    /// <summary>How far ahead a date may be set: beyond it a date is a typing slip (9999-12-31), not a plan.</summary>
    public const int HorizonYears = 10;

    /// <summary>Refuses a date more than <see cref="HorizonYears"/> years after today, naming the field.</summary>
    public Validation WithinHorizon(DateOnly? date, DateOnly today, string field)
    {
        var latest = today.AddYears(HorizonYears);
        return date is null || date <= latest
            ? this
            : Add(field, $"Choose a date no later than {latest.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, {HorizonYears} years from today.");
    }

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
