using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>The inspectorate accepts a provider's response; after that it can no longer be amended.</summary>
[Authorize(Policy = PortalSignIn.Inspector)]
public sealed class AcceptResponseModel(TrackingApi api) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new() { ["comment"] = "Input.Comment" };

    [FromRoute]
    public Guid Id { get; set; }

    public RecommendationDetail? Recommendation { get; private set; }

    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        var result = await api.AcceptResponse(Id, string.IsNullOrWhiteSpace(Input.Comment) ? null : Input.Comment);
        return result.Succeeded ? Redirect($"/recommendations/{Id}") : ShowProblem(result, Fields);
    }

    private async Task<bool> Load()
    {
        var detail = await api.Recommendation(Id);
        Recommendation = detail.Value;
        return detail.Succeeded;
    }

    public sealed class CommentInput
    {
        public string? Comment { get; set; }
    }
}
