using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.ServiceDefaults.Hosting;
using Tracking.ServiceDefaults.Outbox;

namespace Tracking.ServiceDefaults.Persistence;

public static class ServiceDatabase
{
    /// <summary>
    /// Registers a service's own database: its SQLite file in the data folder, or its own schema in PostgreSQL;
    /// migrations at start; the outbox relay that publishes what the service's transactions wrote.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqliteContext, TPostgresContext>(
        this IHostApplicationBuilder builder, string serviceName)
        where TContext : ServiceDbContext
        where TSqliteContext : TContext
        where TPostgresContext : TContext
    {
        var settings = TrackingSettings.From(builder.Configuration);
        builder.Services.AddSingleton<OutboxSignal<TContext>>();
        if (settings.Database == DatabaseProvider.PostgreSql)
        {
            var connectionString = builder.Configuration.GetConnectionString(serviceName) is { Length: > 0 } own
                ? own
                : settings.PostgresConnectionString
                  ?? throw new InvalidOperationException(
                      $"Tracking:Database is PostgreSql but neither ConnectionStrings:{serviceName} nor ConnectionStrings:Tracking is set.");
            builder.Services.AddDbContext<TContext, TPostgresContext>((sp, options) => options
                .UseNpgsql(connectionString, npgsql => npgsql
                    .MigrationsHistoryTable("__EFMigrationsHistory", serviceName)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(sp.GetRequiredService<OutboxSignal<TContext>>()));
        }
        else
        {
            var file = Path.Combine(settings.DataFolder, $"{serviceName}.db");
            builder.Services.AddDbContext<TContext, TSqliteContext>((sp, options) => options
                .UseSqlite($"Data Source={file}", sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(sp.GetRequiredService<OutboxSignal<TContext>>()));
        }

        builder.Services.AddHostedService<MigrateOnStart<TContext>>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>($"{serviceName}-database", tags: ["ready"]);
        return builder;
    }
}
