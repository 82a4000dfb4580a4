using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracking.ServiceDefaults.Persistence;
using Tracking.ServiceDefaults.Security;

namespace Tracking.ServiceDefaults.Idempotency;

/// <summary>
/// Honours an Idempotency-Key header: the first request's change, its events and the record of its answer commit
/// in one transaction; a retry with the same key from the same person gets that answer again with no new effect.
/// Two requests racing with one key cannot both commit: the loser's whole change is rolled back. The key is bound to
/// a hash of method, route and body, so the same key with a different body is a 422, never the first answer again.
/// </summary>
public sealed class IdempotencyFilter<TContext> : IEndpointFilter where TContext : ServiceDbContext
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return await next(context);
        }

        if (key.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Header] = ["Use a key of 100 characters or fewer."] });
        }

        var db = http.RequestServices.GetRequiredService<TContext>();
        var subject = http.RequestServices.GetRequiredService<CurrentUser>().Subject;
        var route = $"{http.Request.Method} {http.Request.Path}";
        var hash = await RequestHash(http.Request, route);
        var earlier = await db.Set<IdempotentRequest>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Subject == subject && r.Key == key, http.RequestAborted);
        if (earlier is not null)
        {
            if (earlier.Route != route)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key already used",
                    detail: $"This key was used for {earlier.Route}; use a new key for a different request.");
            }

            return earlier.RequestHash is null || earlier.RequestHash == hash
                ? new Replay(earlier)
                : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key already used",
                    detail: "This key was used for a request with a different body; use a new key for a different request.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var result = await next(context);
        if (result is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
        {
            return result;
        }

        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        db.Set<IdempotentRequest>().Add(new IdempotentRequest
        {
            Subject = subject,
            Key = key,
            Route = route,
            RequestHash = hash,
            StatusCode = success.StatusCode ?? StatusCodes.Status200OK,
            Body = result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json) : null,
            Location = result.GetType().GetProperty("Location")?.GetValue(result) as string,
            CreatedAt = DateTime.UtcNow,
        });
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A request with this Idempotency-Key is in progress",
                detail: "Retry it in a moment to get its answer.");
        }

        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>
    /// The body was buffered for this (see <see cref="IdempotencyBuffering"/>), so it can be read again after binding.
    /// A form is hashed by its fields and files, not its bytes: a client rebuilding a multipart retry picks a new boundary.
    /// </summary>
    private static async Task<string> RequestHash(HttpRequest request, string route)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Append(string text) => sha.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Append(route);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Append($"{field.Key}={field.Value}");
            }

            foreach (var file in form.Files)
            {
                Append($"{file.Name}:{file.FileName}:{file.ContentType}:{file.Length}");
                await using var content = file.OpenReadStream();
                await AppendStream(sha, content, request.HttpContext.RequestAborted);
            }
        }
        else if (request.Body.CanSeek)
        {
            Append(request.ContentType ?? "");
            request.Body.Position = 0;
            await AppendStream(sha, request.Body, request.HttpContext.RequestAborted);
            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task AppendStream(IncrementalHash sha, Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }
    }

    private sealed class Replay(IdempotentRequest earlier) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = earlier.StatusCode;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (earlier.Location is not null)
            {
                httpContext.Response.Headers.Location = earlier.Location;
            }

            if (earlier.Body is not null)
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(earlier.Body, Encoding.UTF8);
            }
        }
    }
}
