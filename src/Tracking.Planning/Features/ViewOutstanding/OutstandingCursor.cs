using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tracking.Planning.Features.ViewOutstanding;

/// <summary>
/// Where a page ended: the last row's sort key and tie-breakers, ending with its recommendation id so the position is
/// unique. The next page starts strictly after it, so rows inserted before it never shift later pages.
/// </summary>
/// <param name="Key">The primary sort value: a yyyy-MM-dd day for the date orders, the provider's name for the provider order.</param>
public sealed record OutstandingCursor(
    OutstandingSort Sort, string Key, string ProviderId, DateOnly PublishedOn, int Number, Guid RecommendationId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateOnly KeyDay => DateOnly.ParseExact(Key, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Opaque to clients: URL-safe base64 of a small JSON document.</summary>
    public string Encode()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(
            new Wire(OutstandingSorts.NameOf(Sort), Key, ProviderId, PublishedOn, Number, RecommendationId), Json);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor a client sent back; false for anything this service did not hand out for the same order.</summary>
    public static bool TryDecode(string text, OutstandingSort sort, out OutstandingCursor? cursor)
    {
        cursor = null;
        try
        {
            var base64 = text.Trim().Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var wire = JsonSerializer.Deserialize<Wire>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)), Json);
            if (wire is null || wire.Key is null || wire.ProviderId is null
                || !OutstandingSorts.TryRead(wire.Sort ?? "", out var read) || read != sort
                || (sort != OutstandingSort.Provider
                    && !DateOnly.TryParseExact(wire.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                return false;
            }

            cursor = new OutstandingCursor(sort, wire.Key, wire.ProviderId, wire.PublishedOn, wire.Number, wire.RecommendationId);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }

    private sealed record Wire(string? Sort, string? Key, string? ProviderId, DateOnly PublishedOn, int Number, Guid RecommendationId);
}
