using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Tracking.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tracking.ServiceDefaults.Persistence;

public static class ServiceDatabase
{
    /// <summary>
    /// Registers a service's own database: its SQLite file in the data folder, or its own schema in PostgreSQL;
    /// migrations at start. Interceptors registered for the context (keyed by its type) are attached, which is how
    /// the messaging part hears of saved events without persistence knowing about messages.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqliteContext, TPostgresContext>(
        this IHostApplicationBuilder builder, string serviceName)
        where TContext : ServiceDbContext
        where TSqliteContext : TContext
        where TPostgresContext : TContext
    {
        var settings = TrackingSettings.From(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        if (settings.Database == DatabaseProvider.PostgreSql)
        {
            var connectionString = builder.Configuration.GetConnectionString(serviceName) is { Length: > 0 } own
                ? own
                : settings.PostgresConnectionString
                  ?? throw new InvalidOperationException(
                      $"Tracking:Database is PostgreSql but neither ConnectionStrings:{serviceName} nor ConnectionStrings:Tracking is set.");
            connectionString = Tuned(connectionString);
            builder.Services.AddDbContext<TContext, TPostgresContext>((sp, options) => options
                .UseNpgsql(connectionString, npgsql => npgsql
                    .MigrationsHistoryTable("__EFMigrationsHistory", serviceName)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                    .ExecutionStrategy(dependencies => new SafeReadRetryStrategy(dependencies, sp.GetRequiredService<IHttpContextAccessor>())))
                .AddInterceptors(sp.GetKeyedServices<IInterceptor>(typeof(TContext))));
        }
        else
        {
            var file = Path.Combine(settings.DataFolder, $"{serviceName}.db");
            builder.Services.AddDbContext<TContext, TSqliteContext>((sp, options) => options
                .UseSqlite($"Data Source={file}", sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(sp.GetKeyedServices<IInterceptor>(typeof(TContext))));
        }

        builder.Services.TryAddSingleton<DatabaseMigrations>();
        builder.Services.AddSingleton(new MigratedContext(typeof(TContext), Migrate<TContext>.Run));
        builder.Services.AddHostedService<MigrateOnStart<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>($"{serviceName}-database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Pooled connections kept as they are (no DISCARD ALL before the next use: nothing here sets session state,
    /// takes session advisory locks or makes temporary tables) and statements used twice prepared, which only pays
    /// off when the reset does not drop them. A setting given in the connection string wins.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        // The builder's ContainsKey says whether a keyword exists, not whether it was given: look at the text.
        var given = connectionString.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("noresetonclose", StringComparison.Ordinal))
        {
            tuned.NoResetOnClose = true;
        }

        if (!given.Contains("maxautoprepare", StringComparison.Ordinal))
        {
            tuned.MaxAutoPrepare = 64;
        }

        return tuned.ConnectionString;
    }
}
