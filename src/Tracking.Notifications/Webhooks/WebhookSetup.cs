using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tracking.Notifications.Features.ManageWebhooks;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Webhooks;

internal static class WebhookSetup
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddSingleton<WebhookAddressGuard>();

        // No redirects (a 3xx is a failed attempt) and every connection through the address guard.
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, (sp, c) => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectTimeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout,
                ConnectCallback = sp.GetRequiredService<WebhookAddressGuard>().Connect,
            });
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        builder.Services.AddAuthorizationBuilder().AddPolicy(WebhookEndpoints.Policy, p => p
            .RequireRole(TrackingRoles.ProviderManager, TrackingRoles.Inspector, TrackingRoles.Admin)
            .AddRequirements(new MachineScopeRequirement(MachineScopes.Write)));
        return builder;
    }
}
