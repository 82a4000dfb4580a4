using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
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
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
        });
        return builder;
    }

    public static WebApplication MapWebPortal(this WebApplication app)
    {
        app.UseTrackingWebUi();
        app.MapRazorPages();
        return app;
    }
}
