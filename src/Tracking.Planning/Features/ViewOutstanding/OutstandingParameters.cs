using System.Globalization;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.Http;

namespace Tracking.Planning.Features.ViewOutstanding;

/// <summary>
/// The outstanding list's filters and order as typed in a query string, shared by the list and its exports. Read as
/// text so that each value that cannot be understood is named in a 400 rather than refused by model binding.
/// </summary>
/// <param name="Standard">A framework code such as 2.1.</param>
/// <param name="Addressee">Provider, Hmpps or MinistryOfJustice.</param>
/// <param name="PublishedBefore">yyyy-MM-dd; published strictly before.</param>
/// <param name="PublishedAfter">yyyy-MM-dd; published strictly after.</param>
/// <param name="MinAgeDays">Published at least this many days ago.</param>
/// <param name="Sort">dueDate (default), daysOverdue or provider.</param>
public sealed record OutstandingParameters(
    string? ProviderId = null, string? Region = null, string? Standard = null, string? Status = null, string? Overdue = null,
    string? Addressee = null, string? PublishedBefore = null, string? PublishedAfter = null, string? MinAgeDays = null,
    string? Sort = null)
{
    /// <summary>Reads the parameters as a filter and an order; each parameter that cannot be read is named in the result.</summary>
    public Validation Read(IReadOnlyList<string>? visibleProviders, out OutstandingFilter filter, out OutstandingSort sort)
    {
        var validation = new Validation();
        string? known = null;
        if (!string.IsNullOrWhiteSpace(Status) && !RecommendationStatuses.TryRead(Status, out known))
        {
            validation.Add("status", $"Unknown status '{Status}': use one of {string.Join(", ", RecommendationStatuses.All)}.");
        }

        bool? overdueOnly = null;
        if (!string.IsNullOrWhiteSpace(Overdue))
        {
            if (bool.TryParse(Overdue.Trim(), out var parsed))
            {
                overdueOnly = parsed;
            }
            else
            {
                validation.Add("overdue", $"'{Overdue}' is not a yes/no value: use overdue=true or overdue=false.");
            }
        }

        string? standard = null;
        if (!string.IsNullOrWhiteSpace(Standard))
        {
            standard = Standard.Trim();
            if (!FrameworkStandards.IsKnown(standard))
            {
                validation.Add("standard",
                    $"Unknown standard '{Standard}': use one of {string.Join(", ", FrameworkStandards.All.Select(s => s.Code))}.");
            }
        }

        string? addressee = null;
        if (!string.IsNullOrWhiteSpace(Addressee) && !RecommendationAddressees.TryRead(Addressee, out addressee))
        {
            validation.Add("addressee", $"Unknown addressee '{Addressee}': use one of {string.Join(", ", RecommendationAddressees.All)}.");
        }

        var before = Day(PublishedBefore, "publishedBefore", validation);
        var after = Day(PublishedAfter, "publishedAfter", validation);
        int? minAgeDays = null;
        if (!string.IsNullOrWhiteSpace(MinAgeDays))
        {
            if (int.TryParse(MinAgeDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 36_500)
            {
                minAgeDays = days;
            }
            else
            {
                validation.Add("minAgeDays", $"'{MinAgeDays}' is not a number of days: use a whole number from 0 to 36500.");
            }
        }

        sort = OutstandingSort.DueDate;
        if (!string.IsNullOrWhiteSpace(Sort) && !OutstandingSorts.TryRead(Sort, out sort))
        {
            validation.Add("sort", $"Unknown sort '{Sort}': use one of {string.Join(", ", OutstandingSorts.Names)}.");
        }

        filter = new OutstandingFilter(
            ProviderId, Region, known, visibleProviders, overdueOnly, standard, addressee, before, after, minAgeDays);
        return validation;
    }

    private static DateOnly? Day(string? text, string parameter, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        validation.Add(parameter, $"'{text}' is not a date: use yyyy-MM-dd, for example 2020-02-11.");
        return null;
    }
}
