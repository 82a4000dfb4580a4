using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Tracking.Web.Api;
using Tracking.Web.Evidence;
using Tracking.Web.SignIn;
using Tracking.Web.Ui;

namespace Tracking.Web;

public static class WebPortal
{
    public static WebApplicationBuilder AddWebPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Tracking.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        builder.AddPortalSignIn();
        builder.Services.AddHttpClient(nameof(TokenRefresh));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<PendingEvidence>();
        builder.Services.AddSingleton<PendingUploads>();
        builder.Services.AddSingleton<Tracking.Web.Inspections.PendingInspection>();
        var apiBase = builder.Configuration["Tracking:Web:ApiBaseAddress"] is { Length: > 0 } configured ? new Uri(configured) : null;
        builder.Services.AddTransient<PersonTokenHandler>();
        builder.Services.AddPortalApiClient<TrackingApi>(apiBase)
            .AddPortalApiClient<PlanningApi>(apiBase)
            .AddPortalApiClient<NotificationsApi>(apiBase);
        return builder;
    }

    public static WebApplication MapWebPortal(this WebApplication app)
    {
        app.UseTrackingWebUi();
        app.MapRazorPagesOnce();
        return app;
    }
}
