using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Tracking.Public.Http;

/// <summary>
/// Public answers are the same for everyone, so caches may keep them: each carries a strong ETag (a hash of its bytes),
/// Last-Modified (its newest event) and Cache-Control; a request naming the current ETag, or a time no older than
/// Last-Modified, gets 304 with no body.
/// </summary>
internal static class PublicAnswers
{
    public const string CacheControl = "public, max-age=60";

    public static IResult Json<T>(HttpContext http, T value, DateTime? lastModified, string? fileName = null)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return Bytes(http, JsonSerializer.SerializeToUtf8Bytes(value, options), "application/json; charset=utf-8", lastModified, fileName);
    }

    public static IResult Bytes(HttpContext http, byte[] body, string contentType, DateTime? lastModified, string? fileName = null)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = CacheControl;
        DateTimeOffset? modified = lastModified is { } at
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond))
            : null;
        if (modified is { } value)
        {
            headers.LastModified = value.ToString("R", CultureInfo.InvariantCulture);
        }

        if (NotModified(http.Request, etag, modified))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (fileName is not null)
        {
            headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        }

        return Results.Bytes(body, contentType);
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset? modified)
    {
        var typed = request.GetTypedHeaders();
        // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 13.1.3).
        if (typed.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
        }

        return modified is { } value && typed.IfModifiedSince is { } since && value <= since;
    }
}
