using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tracking.Web.Pages;

internal sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
