using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Tracking.ServiceDefaults.Persistence;

/// <summary>
/// Retries a PostgreSQL operation that failed transiently (a restart, a dropped connection) only while serving a safe
/// HTTP read (GET or HEAD under /api): running it again cannot do anything twice. Writes, consumers and background
/// work are not retried here: a write fails fast into the 503 a client may resend, consumers have their own retry.
/// </summary>
internal sealed class SafeReadRetryStrategy(ExecutionStrategyDependencies dependencies, IHttpContextAccessor http)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    /// <summary>Retries at about 0, 1, 2, 2, 2 and 2 s: rides out a database restart of a few seconds.</summary>
    private const int MaxRetries = 6;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    // Off for anything else, so writes keep their own transactions and queries stream instead of being buffered.
    public override bool RetriesOnFailure => IsSafeRead() && base.RetriesOnFailure;

    protected override bool ShouldRetryOn(Exception? exception) => IsSafeRead() && base.ShouldRetryOn(exception);

    private bool IsSafeRead() => http.HttpContext?.Request is { } request
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
