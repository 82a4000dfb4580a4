using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.ServiceDefaults.Hosting;

namespace Tracking.Scheduling.Hangfire;

/// <summary>
/// Hangfire holds the scheduling service's timers: on PostgreSQL (schema "hangfire") when distributed, in a SQLite
/// file in the data folder when embedded. The storage is built here and handed to the server and dashboard
/// explicitly, so several hosts in one process (tests) do not share Hangfire's global storage.
/// </summary>
public static class HangfireSetup
{
    public static IHostApplicationBuilder AddSchedulingHangfire(this IHostApplicationBuilder builder)
    {
        var settings = TrackingSettings.From(builder.Configuration);
        var pollInterval = builder.Configuration.GetValue("Tracking:Hangfire:PollInterval", TimeSpan.FromSeconds(5));
        JobStorage storage = settings.Database == DatabaseProvider.PostgreSql
            ? new PostgreSqlStorage(
                new NpgsqlConnectionFactory(
                    builder.Configuration.GetConnectionString("Scheduling") is { Length: > 0 } own ? own : settings.PostgresConnectionString!,
                    new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = pollInterval, PrepareSchemaIfNecessary = true })
            : new SQLiteStorage(SqliteFile(settings), new SQLiteStorageOptions { QueuePollInterval = pollInterval });

        builder.Services.AddSingleton(storage);
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddHangfireServer((_, options) =>
        {
            options.ServerName = $"scheduling:{Environment.MachineName}:{Environment.ProcessId}";
            options.WorkerCount = builder.Configuration.GetValue("Tracking:Hangfire:Workers", 2);
            options.SchedulePollingInterval = pollInterval;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapSchedulingDashboard(this IEndpointRouteBuilder app)
    {
        var storage = app.ServiceProvider.GetRequiredService<JobStorage>();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { DashboardTitle = "Tracking: scheduled timers" }, storage);
        return app;
    }

    private static string SqliteFile(TrackingSettings settings)
    {
        Directory.CreateDirectory(settings.DataFolder);
        return Path.Combine(settings.DataFolder, "hangfire.db");
    }
}
