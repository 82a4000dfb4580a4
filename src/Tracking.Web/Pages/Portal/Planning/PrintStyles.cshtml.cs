using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tracking.Web.Pages.Planning;

/// <summary>The checklist's print stylesheet, a file embedded in the assembly: the nonce CSP allows no inline style.</summary>
[AllowAnonymous]
public sealed class PrintStylesModel : PageModel
{
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(PrintStylesModel).Assembly.GetManifestResourceStream("Tracking.Web.Planning.print.css")
            ?? throw new InvalidOperationException("The print stylesheet is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(Css.Value, "text/css");
    }
}
