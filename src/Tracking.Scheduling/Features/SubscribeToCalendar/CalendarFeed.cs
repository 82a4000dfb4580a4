using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Tracking.Scheduling.Features.SubscribeToCalendar;

/// <summary>
/// A person's private calendar address. Only the token's hash is kept; who the person is and what they may see is copied
/// from their token when the address is made, because the calendar app that reads it sends no token.
/// </summary>
public sealed class CalendarFeed
{
    public Guid Id { get; init; }

    /// <summary>SHA-256 of the secret token, hex.</summary>
    public string TokenHash { get; init; } = "";

    public string Subject { get; init; } = "";

    public string Role { get; init; } = "";

    /// <summary>The providers whose items the feed shows, comma-separated; null for every provider (inspectors, planners).</summary>
    public string? ProviderIds { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string>? VisibleProviders => ProviderIds?.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A new secret (256 bits, URL-safe) and the feed row that keeps only its hash.</summary>
    public static (string Token, CalendarFeed Feed) Make(string subject, string role, IReadOnlyList<string>? visibleProviders, DateTimeOffset now)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, new CalendarFeed
        {
            Id = Guid.NewGuid(),
            TokenHash = Hash(token),
            Subject = subject,
            Role = role,
            ProviderIds = visibleProviders is null ? null : string.Join(',', visibleProviders),
            CreatedAt = now.UtcDateTime,
        });
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
