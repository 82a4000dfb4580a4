using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Tracking.Web.Ui.Security;

namespace Tracking.Web.Ui;

public static class TrackingWebUi
{
    private const string AppliedKey = "Tracking.Web.Ui.Applied";

    /// <summary>
    /// Serves GOV.UK Frontend and MOJ Frontend under /assets/ from this assembly and puts the nonce CSP on every HTML
    /// answer. Safe to call from each role that renders pages: the second call in one process does nothing.
    /// </summary>
    public static WebApplication UseTrackingWebUi(this WebApplication app)
    {
        if (((IApplicationBuilder)app).Properties.ContainsKey(AppliedKey))
        {
            return app;
        }

        ((IApplicationBuilder)app).Properties[AppliedKey] = true;
        var formTarget = ContentSecurityPolicy.IssuerOrigin(app.Configuration);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() => ContentSecurityPolicy.Apply(context, formTarget));
            return next(context);
        });

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        var assets = new ManifestEmbeddedFileProvider(typeof(TrackingWebUi).Assembly, "assets");
        // An endpoint rather than static-file middleware, so the assets are served before sign-in like any anonymous route.
        app.MapGet("/assets/{**path}", (string path, HttpContext context) =>
        {
            var file = assets.GetFileInfo(path);
            if (!file.Exists || file.IsDirectory)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Stream(file.CreateReadStream(), types.TryGetContentType(path, out var type) ? type : "application/octet-stream");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Razor Pages are one endpoint set per process, whichever roles (identity, web, public) render pages: map them once.</summary>
    public static WebApplication MapRazorPagesOnce(this WebApplication app)
    {
        const string key = "Tracking.RazorPagesMapped";
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.ContainsKey(key))
        {
            properties[key] = true;
            app.MapRazorPages();
        }

        return app;
    }
}
