using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tracking.ServiceDefaults.Idempotency;

/// <summary>
/// Keeps the body of a request that carries an Idempotency-Key readable after binding, so the idempotency filter can
/// hash exactly what was sent (large bodies spill to a temporary file, not memory).
/// </summary>
public static class IdempotencyBuffering
{
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Headers.ContainsKey(IdempotencyFilter<Persistence.ServiceDbContext>.Header))
        {
            context.Request.EnableBuffering();
        }

        return next(context);
    });
}
