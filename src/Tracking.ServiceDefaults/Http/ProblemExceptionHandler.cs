using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Tracking.ServiceDefaults.Http;

/// <summary>
/// Turns the failures a client can act on into problem details: unreadable JSON names the field, a forbidden
/// transition or a lost race is a 409. Anything else stays a bare 500 with no internals in the body.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [FieldName(json.Path)] = ["The value is missing or not in the expected format."] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body could not be read.",
            },
            ArgumentOutOfRangeException { ParamName: { } field } outOfRange => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [field] = [outOfRange.Message.Split(" (Parameter")[0]] })
            {
                Status = StatusCodes.Status400BadRequest,
            },
            BadHttpRequestException bad => Unreadable(bad),
            ConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "This change is not allowed in the current state.",
                Detail = conflict.Message,
            },
            KeyNotFoundException missing => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found",
                Detail = missing.Message,
            },
            DbUpdateException update when update is DbUpdateConcurrencyException || IsUniqueViolation(update) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Someone else changed this at the same time.",
                Detail = "Reload it and try again.",
            },
            _ when DatabaseUnavailable.Is(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is briefly unavailable.",
                Detail = "Its database cannot be reached just now; nothing was changed. Try again in a few seconds.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Two writers adding the same next history line or version collide on a unique key: the same race as a stale version.</summary>
    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>
    /// The framework's own wording ("Implicit body inferred for parameter…") names its internals, not what to send:
    /// say it in ours, naming the body or the parameter.
    /// </summary>
    private static ProblemDetails Unreadable(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails { Status = bad.StatusCode, Title = "Send the body as application/json." };
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = bad.StatusCode, Title = "The request body is too large." };
        }

        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read." };
        }

        var parameter = System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"[^\" ]+ (?<name>[^\"]+)\"");
        var field = bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) || !parameter.Success
            ? "body"
            : parameter.Groups["name"].Value;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [field == "body" ? "Send a JSON body." : $"Enter {field}."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request could not be read.",
        };
    }

    /// <summary>"$.recommendations[2].number" → "recommendations[2].number", the name a client sent.</summary>
    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
}
