using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Notifications.Webhooks;

/// <summary>
/// An organisation's webhook endpoints and the form to register one. The secret is shown once, right after
/// registering; the API decides who may see which endpoint (a planner gets the 403 page).
/// </summary>
public sealed class IndexModel(NotificationsApi api) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new() { ["url"] = "ReceiverUrl", ["eventTypes"] = "EventTypes", ["providerId"] = "RegisterFor" };

    public static readonly (string Type, string Label)[] EventChoices =
    [
        ("inspection.published", "An inspection report is published"),
        ("response.submitted", "A response to a recommendation is submitted"),
        ("response.accepted", "A response is accepted"),
        ("action.planned", "An action is planned"),
        ("evidence.submitted", "Evidence is submitted"),
        ("evidence.reviewed", "Evidence is reviewed"),
        ("target-date-revision.requested", "A move of a target date is requested"),
        ("target-date-revision.decided", "A move of a target date is decided"),
        ("deadline.approaching", "A deadline is approaching"),
        ("deadline.missed", "A deadline is missed"),
        ("follow-up-review.due", "A follow-up review falls due"),
    ];

    [BindProperty]
    public string? ReceiverUrl { get; set; }

    [BindProperty]
    public List<string> EventTypes { get; set; } = [];

    /// <summary>Inspectors and admins only: a provider's id, or empty for every provider.</summary>
    [BindProperty]
    public string? RegisterFor { get; set; }

    public IReadOnlyList<Webhook> Endpoints { get; private set; } = [];

    public RegisteredWebhook? Registered { get; private set; }

    public bool ChoosesProvider => !IsProviderManager;

    public bool Removed { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool removed = false)
    {
        Removed = removed;
        return await Load() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await api.RegisterWebhook(ReceiverUrl, EventTypes, ChoosesProvider && RegisterFor is { Length: > 0 } p ? p : null);
        if (result.Forbidden)
        {
            return Redirect("/forbidden");
        }

        if (!result.Succeeded)
        {
            return await Load() ?? ShowProblem(result, Fields);
        }

        Registered = result.Value;
        ReceiverUrl = null;
        EventTypes = [];
        return await Load() ?? Page();
    }

    private async Task<IActionResult?> Load()
    {
        var endpoints = await api.Webhooks();
        if (endpoints.Forbidden)
        {
            return Redirect("/forbidden");
        }

        if (!endpoints.Succeeded)
        {
            return PageNotFound();
        }

        Endpoints = endpoints.Value!;
        return null;
    }
}
