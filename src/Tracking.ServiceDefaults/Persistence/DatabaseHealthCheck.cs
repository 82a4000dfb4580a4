using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tracking.ServiceDefaults.Persistence;

internal sealed class DatabaseHealthCheck<TContext>(IServiceScopeFactory scopes) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("cannot connect");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy(ex.GetBaseException().Message);
        }
    }
}
