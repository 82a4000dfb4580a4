using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Tracking.Web.Api;

/// <summary>The outstanding list's filters as the planners' pages pass them on, unchanged, to the list and its exports.</summary>
public sealed record OutstandingFilters(
    string? ProviderId = null, string? Region = null, string? Standard = null, string? Status = null, string? Overdue = null,
    string? Addressee = null, string? MinAgeDays = null, string? Sort = null)
{
    /// <summary>The filters as a query string (without '?'), leaving out the empty ones.</summary>
    public string ToQuery(string? after = null, int? pageSize = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add("providerId", ProviderId);
        Add("region", Region);
        Add("standard", Standard);
        Add("status", Status);
        Add("overdue", Overdue);
        Add("addressee", Addressee);
        Add("minAgeDays", MinAgeDays);
        Add("sort", Sort);
        Add("after", after);
        Add("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }
}

/// <summary>The planning API as the planners' pages use it, with the signed-in person's token; writes carry an Idempotency-Key.</summary>
public sealed class PlanningApi(HttpClient http)
{
    public Task<ApiResult<RegionsOverview>> Regions() => Send<RegionsOverview>(HttpMethod.Get, "api/planning/regions");

    public Task<ApiResult<RegionDetail>> Region(string region) =>
        Send<RegionDetail>(HttpMethod.Get, $"api/planning/regions/{Uri.EscapeDataString(region)}");

    public Task<ApiResult<ProviderSummary>> Provider(string providerId) =>
        Send<ProviderSummary>(HttpMethod.Get, $"api/planning/providers/{Uri.EscapeDataString(providerId)}/summary");

    public Task<ApiResult<ThemesOverview>> Themes(string? region) =>
        Send<ThemesOverview>(HttpMethod.Get, "api/planning/themes" + (region is null ? "" : $"?region={Uri.EscapeDataString(region)}"));

    public Task<ApiResult<PlannedOutstandingPage>> Outstanding(OutstandingFilters filters, string? after, int pageSize) =>
        Send<PlannedOutstandingPage>(HttpMethod.Get, $"api/planning/outstanding?{filters.ToQuery(after, pageSize)}");

    public Task<ApiResult<PlanningHistory>> History(string? providerId, string? region) =>
        Send<PlanningHistory>(HttpMethod.Get, "api/planning/history?" + new OutstandingFilters(providerId, region).ToQuery());

    /// <summary>An export as the API serves it (CSV or XLSX); the caller streams it on and disposes the answer.</summary>
    public Task<HttpResponseMessage> Download(string path) => http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);

    public Task<ApiResult<List<ReinspectionPlanRow>>> Reinspections(string? providerId) =>
        Send<List<ReinspectionPlanRow>>(HttpMethod.Get, "api/planning/reinspections" + (providerId is null ? "" : $"?providerId={Uri.EscapeDataString(providerId)}"));

    public Task<ApiResult<ReinspectionPlanView>> Reinspection(Guid id) => Send<ReinspectionPlanView>(HttpMethod.Get, $"api/planning/reinspections/{id}");

    public Task<ApiResult<ReinspectionPlanView>> PlanReinspection(string providerId, DateOnly? plannedOn, string? kind, bool freeze) =>
        Send<ReinspectionPlanView>(HttpMethod.Post, "api/planning/reinspections", new { providerId, plannedOn, kind, freeze });

    public Task<ApiResult<ReinspectionPlanView>> MoveReinspection(Guid id, DateOnly? plannedOn) =>
        Send<ReinspectionPlanView>(HttpMethod.Put, $"api/planning/reinspections/{id}", new { plannedOn });

    public Task<ApiResult<ReinspectionPlanView>> CancelReinspection(Guid id) =>
        Send<ReinspectionPlanView>(HttpMethod.Post, $"api/planning/reinspections/{id}/cancellation");

    /// <summary>The schedule as the person may see it; the planners' pages read its follow-up reviews.</summary>
    public Task<ApiResult<ScheduleView>> Schedule() => Send<ScheduleView>(HttpMethod.Get, "api/schedule");

    public Task<ApiResult<FollowUpReviewRow>> MoveFollowUpReview(Guid id, DateOnly? dueOn) =>
        Send<FollowUpReviewRow>(HttpMethod.Put, $"api/schedule/follow-up-reviews/{id}", new { dueOn });

    public Task<ApiResult<FollowUpReviewRow>> CancelFollowUpReview(Guid id) =>
        Send<FollowUpReviewRow>(HttpMethod.Post, $"api/schedule/follow-up-reviews/{id}/cancellation");

    private Task<ApiResult<T>> Send<T>(HttpMethod method, string path, object? body = null) => ApiSender.Send<T>(http, method, path, body);
}
