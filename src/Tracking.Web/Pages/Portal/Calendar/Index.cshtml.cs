using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Calendar;

/// <summary>
/// A person's private calendar address: make one (shown once, since only its hash is kept), make a new one, or revoke it.
/// Admins have no schedule, so the page is for the three roles that do.
/// </summary>
[Authorize(Roles = TrackingRoles.Inspector + "," + TrackingRoles.ProviderManager + "," + TrackingRoles.Planner)]
public sealed class IndexModel(TrackingApi api, IConfiguration configuration) : PortalPage
{
    public DateTimeOffset? MadeAt { get; private set; }

    /// <summary>The full address, only on the page that answers making it.</summary>
    public string? NewAddress { get; private set; }

    public bool Revoked { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool revoked = false)
    {
        Revoked = revoked;
        MadeAt = (await api.CalendarFeed()).Value?.CreatedAt;
        return Page();
    }

    public async Task<IActionResult> OnPostMakeAsync()
    {
        var made = await api.MakeCalendarFeed();
        if (!made.Succeeded)
        {
            return ShowProblem(made, new Dictionary<string, string>());
        }

        // The secret is in this answer only: no redirect (it would have to travel in TempData) and nothing cached.
        Response.Headers.CacheControl = "no-store";
        MadeAt = made.Value!.CreatedAt;
        NewAddress = new Uri(ApiOrigin(), made.Value.Path).ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        var revoked = await api.RevokeCalendarFeed();
        return revoked.Status is System.Net.HttpStatusCode.NoContent or System.Net.HttpStatusCode.NotFound
            ? Redirect("/calendar?revoked=true")
            : ShowProblem(revoked, new Dictionary<string, string>());
    }

    /// <summary>Where calendar apps reach the API: its configured address, else this site (the embedded default).</summary>
    private Uri ApiOrigin() => configuration["Tracking:Web:ApiBaseAddress"] is { Length: > 0 } configured
        ? new Uri(configured)
        : new Uri($"{Request.Scheme}://{Request.Host}/");

    public string WhatItShows => IsProviderManager
        ? "your provider's deadlines and follow-up reviews"
        : "every provider's deadlines and follow-up reviews";
}
