using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracking.Web.Api;

/// <summary>
/// The recommendations and planning APIs as the pages use them, with the signed-in person's token (see
/// <see cref="PersonTokenHandler"/>). Every write sends an Idempotency-Key so a retried request has no second effect.
/// </summary>
public sealed class TrackingApi(HttpClient http)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public Task<ApiResult<OutstandingPage>> Outstanding(string? providerId, string? status = null) =>
        Send<OutstandingPage>(HttpMethod.Get, $"api/planning/outstanding?pageSize=200"
            + (providerId is null ? "" : $"&providerId={Uri.EscapeDataString(providerId)}")
            + (status is null ? "" : $"&status={status}"));

    public Task<ApiResult<ScheduleView>> Schedule(string? providerId) =>
        Send<ScheduleView>(HttpMethod.Get, "api/schedule" + (providerId is null ? "" : $"?providerId={Uri.EscapeDataString(providerId)}"));

    public Task<ApiResult<ScheduleView>> ScheduleFor(Guid recommendationId) =>
        Send<ScheduleView>(HttpMethod.Get, $"api/schedule?recommendationId={recommendationId}");

    public Task<ApiResult<RecommendationDetail>> Recommendation(Guid id) => Send<RecommendationDetail>(HttpMethod.Get, $"api/recommendations/{id}");

    public Task<ApiResult<List<HistoryLine>>> History(Guid id) => Send<List<HistoryLine>>(HttpMethod.Get, $"api/recommendations/{id}/history");

    public Task<ApiResult<RecommendationDetail>> Respond(Guid id, string response, string? rationale, DateOnly? targetDate) =>
        Send<RecommendationDetail>(HttpMethod.Put, $"api/recommendations/{id}/response", new { response, rationale, targetDate });

    public Task<ApiResult<RecommendationDetail>> AcceptResponse(Guid id, string? comment) =>
        Send<RecommendationDetail>(HttpMethod.Post, $"api/recommendations/{id}/response/acceptance", new { comment });

    public Task<ApiResult<RecommendationDetail>> PlanAction(Guid id, string description, string ownerName, string ownerEmail, DateOnly? targetDate,
        string? measureOfSuccess) =>
        Send<RecommendationDetail>(HttpMethod.Post, $"api/recommendations/{id}/actions",
            new { description, owner = new { name = ownerName, email = ownerEmail }, targetDate, measureOfSuccess });

    public Task<ApiResult<RecommendationDetail>> CompleteAction(Guid id, Guid actionId) =>
        Send<RecommendationDetail>(HttpMethod.Post, $"api/recommendations/{id}/actions/{actionId}/completion");

    public Task<ApiResult<RecommendationDetail>> SubmitEvidence(Guid id, string narrative, DateOnly effectiveDate, IEnumerable<Guid> actionIds,
        IEnumerable<UploadedFile> files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(narrative), "narrative" },
            { new StringContent(effectiveDate.ToString("yyyy-MM-dd")), "effectiveDate" },
        };
        foreach (var action in actionIds)
        {
            form.Add(new StringContent(action.ToString()), "actionIds");
        }

        foreach (var file in files)
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            form.Add(content, "files", file.Name);
        }

        return Send<RecommendationDetail>(HttpMethod.Post, $"api/recommendations/{id}/evidence", content: form);
    }

    public Task<ApiResult<RecommendationDetail>> ReviewEvidence(Guid id, Guid evidenceId, string outcome, string comment, string? progressJudgement) =>
        Send<RecommendationDetail>(HttpMethod.Post, $"api/recommendations/{id}/evidence/{evidenceId}/review",
            new { outcome, comment, progressJudgement });

    public Task<ApiResult<RecommendationDetail>> RequestRevision(Guid id, Guid? actionId, DateOnly? requestedDate, string reason) =>
        Send<RecommendationDetail>(HttpMethod.Post, $"api/recommendations/{id}/target-date-revisions", new { actionId, requestedDate, reason });

    public Task<ApiResult<RecommendationDetail>> DecideRevision(Guid id, Guid revisionId, string decision, string comment) =>
        Send<RecommendationDetail>(HttpMethod.Post, $"api/recommendations/{id}/target-date-revisions/{revisionId}/decision", new { decision, comment });

    public Task<ApiResult<RecommendationDetail>> Close(Guid id, string closedAs, string comment) =>
        Send<RecommendationDetail>(HttpMethod.Post, $"api/recommendations/{id}/close", new { closedAs, comment });

    public Task<ApiResult<WorkQueues>> WorkQueues() => Send<WorkQueues>(HttpMethod.Get, "api/recommendations/work-queues");

    public Task<ApiResult<List<InspectionSummary>>> Inspections() => Send<List<InspectionSummary>>(HttpMethod.Get, "api/inspections");

    public Task<ApiResult<InspectionView>> Inspection(Guid id) => Send<InspectionView>(HttpMethod.Get, $"api/inspections/{id}");

    /// <summary>Records a draft; the body is the API's RecordInspectionRequest.</summary>
    public Task<ApiResult<InspectionView>> RecordInspection(object inspection) => Send<InspectionView>(HttpMethod.Post, "api/inspections", inspection);

    public Task<ApiResult<InspectionView>> PublishInspection(Guid id, DateOnly? publishedOn) =>
        Send<InspectionView>(HttpMethod.Post, $"api/inspections/{id}/publish", new { publishedOn });

    public Task<ApiResult<CalendarFeedView>> CalendarFeed() => Send<CalendarFeedView>(HttpMethod.Get, "api/schedule/calendar-feed");

    public Task<ApiResult<NewCalendarFeed>> MakeCalendarFeed() => Send<NewCalendarFeed>(HttpMethod.Post, "api/schedule/calendar-feed");

    /// <summary>Succeeds with a 204 and no value.</summary>
    public Task<ApiResult<object>> RevokeCalendarFeed() => Send<object>(HttpMethod.Delete, "api/schedule/calendar-feed");

    /// <summary>An evidence file as the API serves it; the caller streams it on and disposes the answer.</summary>
    public Task<HttpResponseMessage> EvidenceFile(Guid id, Guid evidenceId, Guid fileId) =>
        http.GetAsync($"api/recommendations/{id}/evidence/{evidenceId}/files/{fileId}", HttpCompletionOption.ResponseHeadersRead);

    private Task<ApiResult<T>> Send<T>(HttpMethod method, string path, object? body = null, HttpContent? content = null) =>
        ApiSender.Send<T>(http, method, path, body, content);
}
