using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>
/// A stand-in for the GOV.UK Notify API on a loopback port (Kestrel in the test process). It refuses what the real
/// API refuses: a request without a Bearer JWT signed HS256 with the key's secret, whose `iss` is the service id
/// and whose `iat` is within 30 seconds; a body without email_address, template_id or personalisation. It can answer
/// an address with errors, as Notify does for an outage (500) or a bad request (400).
/// </summary>
public sealed class TestNotifyApi : IAsyncDisposable
{
    public static readonly Guid ServiceId = Guid.Parse("26785a09-ab16-4eb0-8407-a37497a57506");
    public static readonly Guid Secret = Guid.Parse("3d844edf-8d35-48ac-975b-e847b4f122b0");

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Queue<HttpStatusCode>> _failures = new();

    private TestNotifyApi(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedEmail> Accepted { get; } = new();

    /// <summary>Requests refused because their shape was wrong: a test fails if any arrive.</summary>
    public ConcurrentQueue<string> Malformed { get; } = new();

    public string ApiKey => $"tracking_test-{ServiceId}-{Secret}";

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

    public sealed record ReceivedEmail(string EmailAddress, string TemplateId, Dictionary<string, string> Personalisation, string? Reference);

    /// <summary>The next requests for this address get these statuses, in order, with Notify's error body.</summary>
    public void Fail(string address, params HttpStatusCode[] statuses) => _failures[address] = new Queue<HttpStatusCode>(statuses);

    public static async Task<TestNotifyApi> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new TestNotifyApi(app);
        app.MapPost("/v2/notifications/email", api.SendEmail);
        await app.StartAsync();
        return api;
    }

    private async Task<IResult> SendEmail(HttpRequest request)
    {
        if (Problem(request.Headers.Authorization.ToString()) is { } authProblem)
        {
            Malformed.Enqueue(authProblem);
            return Error(HttpStatusCode.Forbidden, "AuthError", authProblem);
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        var json = body.RootElement;
        if (!json.TryGetProperty("email_address", out var to) || !json.TryGetProperty("template_id", out var template)
            || !Guid.TryParse(template.GetString(), out _) || !json.TryGetProperty("personalisation", out var personalisation)
            || personalisation.ValueKind != JsonValueKind.Object)
        {
            Malformed.Enqueue(json.GetRawText());
            return Error(HttpStatusCode.BadRequest, "ValidationError", "email_address, template_id and personalisation are required");
        }

        var address = to.GetString()!;
        if (_failures.TryGetValue(address, out var planned) && planned.TryDequeue(out var status))
        {
            return Error(status, status == HttpStatusCode.BadRequest ? "BadRequestError" : "Exception", $"Refused with {(int)status}");
        }

        var reference = json.TryGetProperty("reference", out var r) ? r.GetString() : null;
        Accepted.Enqueue(new ReceivedEmail(address, template.GetString()!,
            personalisation.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()), reference));
        return Results.Json(new
        {
            id = Guid.NewGuid(),
            reference,
            content = new { subject = "subject", body = "body", from_email = "tracking@notifications.service.gov.uk" },
            uri = "https://api.notifications.service.gov.uk/v2/notifications/x",
            template = new { id = template.GetString(), version = 1, uri = "https://api.notifications.service.gov.uk/v2/templates/x" },
        }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Why the Authorization header would be refused, or null when Notify would accept it.</summary>
    private static string? Problem(string header)
    {
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return "no Bearer token";
        }

        var parts = header["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return "not a JWT";
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret.ToString()), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2])))
        {
            return "signature is not HS256 with the key's secret";
        }

        using var head = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        var iat = claims.RootElement.TryGetProperty("iat", out var issuedAt) ? (long)issuedAt.GetDouble() : 0;
        return head.RootElement.GetProperty("alg").GetString() != "HS256" ? "alg is not HS256"
            : claims.RootElement.GetProperty("iss").GetString() != ServiceId.ToString() ? "iss is not the service id"
            : Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - iat) > 30 ? "iat is not within 30 seconds"
            : null;
    }

    private static byte[] FromBase64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='));

    private static IResult Error(HttpStatusCode status, string error, string message) =>
        Results.Json(new { status_code = (int)status, errors = new[] { new { error, message } } }, statusCode: (int)status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
