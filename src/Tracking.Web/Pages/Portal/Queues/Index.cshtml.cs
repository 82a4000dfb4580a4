using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Queues;

/// <summary>The inspectorate's work queues: responses to accept, evidence to review (with its service-level date), revisions to decide.</summary>
[Authorize(Policy = PortalSignIn.Inspector)]
public sealed class IndexModel(TrackingApi api) : PortalPage
{
    public static readonly IReadOnlyList<(string Slug, string Label)> Queues =
    [
        ("responses", "Responses to accept"),
        ("evidence", "Evidence to review"),
        ("revisions", "Requests to move a date"),
    ];

    [FromRoute]
    public string Queue { get; set; } = "responses";

    public string Heading => Queues.First(q => q.Slug == Queue).Label;

    public WorkQueues Work { get; private set; } = new([], [], []);

    /// <summary>Each recommendation's earliest open evidence-review deadline: the date the review is due by.</summary>
    public IReadOnlyDictionary<Guid, DateOnly> ReviewDueOn { get; private set; } = new Dictionary<Guid, DateOnly>();

    public int Count(string slug) => slug switch
    {
        "responses" => Work.Responses.Count,
        "evidence" => Work.Evidence.Count,
        _ => Work.Revisions.Count,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (Queues.All(q => q.Slug != Queue))
        {
            return PageNotFound();
        }

        Work = (await api.WorkQueues()).Value ?? Work;
        if (Queue == "evidence")
        {
            ReviewDueOn = ((await api.Schedule(null)).Value?.Deadlines ?? [])
                .Where(d => d.Kind == "EvidenceReview" && d.Status == "Open")
                .GroupBy(d => d.RecommendationId)
                .ToDictionary(g => g.Key, g => g.Min(d => d.DueOn));
        }

        return Page();
    }
}
