using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tracking.ServiceDefaults.Hosting;
using Tracking.ServiceDefaults.Security;

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
        builder.Services.Configure<HangfireTimerOptions>(builder.Configuration.GetSection("Tracking:Hangfire"));
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            HangfireTimerServer.UseHostLogging(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());
            var pollInterval = sp.GetRequiredService<IOptions<HangfireTimerOptions>>().Value.PollInterval;
            return settings.Database == DatabaseProvider.PostgreSql
                ? PostgresStorage(builder.Configuration.GetConnectionString("Scheduling") is { Length: > 0 } own
                    ? own
                    : settings.PostgresConnectionString!, pollInterval)
                : new SQLiteStorage(SqliteFile(settings), new SQLiteStorageOptions { QueuePollInterval = pollInterval });
        });

        // Registers what the dashboard needs; the server itself is ours, with storage passed explicitly.
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        builder.Services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        builder.Services.AddHostedService<HangfireTimerServer>();
        AddDashboardScheme(builder.Services);
        return builder;
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString, TimeSpan pollInterval)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = pollInterval, PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    public static IEndpointRouteBuilder MapSchedulingDashboard(this IEndpointRouteBuilder app)
    {
        var storage = app.ServiceProvider.GetRequiredService<JobStorage>();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                DashboardTitle = "Tracking: scheduled timers",
                // Who may open it is the endpoint's policy; this filter replaces Hangfire's local-requests-only default.
                Authorization = [new SignedInDashboardUser()],
                IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(TrackingRoles.Inspector),
            }, storage)
            .RequireAuthorization(TrackingPolicies.HangfireDashboard);
        return app;
    }

    /// <summary>The portal's sign-in cookie scheme (PortalSignIn.CookieScheme in Tracking.Web, which this project does not reference).</summary>
    internal const string PortalCookieScheme = "portal";

    /// <summary>
    /// With the web role in the process a browser signed in to the portal opens the dashboard (no session: sent to
    /// sign in; another role: the portal's 403 page); API clients keep their bearer 401/403; otherwise tokens only.
    /// </summary>
    private static void AddDashboardScheme(IServiceCollection services) =>
        services.AddAuthentication().AddPolicyScheme(TrackingPolicies.HangfireDashboardScheme, "Hangfire dashboard", scheme => scheme.ForwardDefaultSelector = context =>
        {
            var bearer = Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme;
            // API clients (a token, or no wish for a web page) keep the bearer 401/403 they had.
            if (context.Request.Headers.Authorization.Count > 0 || !context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            {
                return bearer;
            }

            var schemes = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();
            return schemes.GetSchemeAsync(PortalCookieScheme).GetAwaiter().GetResult() is null ? bearer : PortalCookieScheme;
        });

    private static string SqliteFile(TrackingSettings settings)
    {
        var file = Path.Combine(settings.DataFolder, "hangfire.db");
        Tracking.ServiceDefaults.Persistence.OwnerOnly.EnsureFile(file);
        return file;
    }
}
