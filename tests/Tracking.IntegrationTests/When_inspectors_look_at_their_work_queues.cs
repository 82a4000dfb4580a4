using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

[Collection(HostCollection.Name)]
public sealed class When_inspectors_look_at_their_work_queues(PublishedRecommendationsFixture world)
    : IClassFixture<PublishedRecommendationsFixture>
{
    private static readonly DateOnly Today = UkCalendar.Today(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_response_evidence_and_a_revision_each_wait_in_their_queue_until_the_inspectorate_acts()
    {
        var id = await world.FreshRecommendation();
        (await world.Manager.PutAsJsonAsync($"/api/recommendations/{id}/response",
            new { response = "Agreed", rationale = "We agree.", targetDate = Today.AddDays(90) }, TrackingApi.Json)).EnsureSuccessStatusCode();
        (await world.Manager.PostAsync($"/api/recommendations/{id}/evidence", Evidence())).EnsureSuccessStatusCode();
        (await world.Manager.PostAsJsonAsync($"/api/recommendations/{id}/target-date-revisions",
            new { requestedDate = Today.AddDays(150), reason = "The new system arrives late." }, TrackingApi.Json)).EnsureSuccessStatusCode();

        var queues = await Queues(world.Inspector);

        var response = queues.GetProperty("responses").EnumerateArray().Single(q => q.GetProperty("recommendationId").GetGuid() == id);
        response.GetProperty("response").GetString().ShouldBe("Agreed");
        response.GetProperty("provider").GetProperty("id").GetString().ShouldBe(NorthumbriaDemo.ProviderId);
        var evidence = queues.GetProperty("evidence").EnumerateArray().Single(q => q.GetProperty("recommendationId").GetGuid() == id);
        evidence.GetProperty("files").GetInt32().ShouldBe(1);
        var revision = queues.GetProperty("revisions").EnumerateArray().Single(q => q.GetProperty("recommendationId").GetGuid() == id);
        revision.GetProperty("requestedDate").GetString().ShouldBe(Today.AddDays(150).ToString("yyyy-MM-dd"));
        revision.GetProperty("currentDate").GetString().ShouldBe(Today.AddDays(90).ToString("yyyy-MM-dd"));
        revision.GetProperty("reason").GetString().ShouldBe("The new system arrives late.");
        queues.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("submittedAt").GetDateTimeOffset())
            .ShouldBeInOrder(SortDirection.Ascending);

        (await world.Inspector.PostAsJsonAsync($"/api/recommendations/{id}/response/acceptance", new { }, TrackingApi.Json)).EnsureSuccessStatusCode();
        (await world.Inspector.PostAsJsonAsync($"/api/recommendations/{id}/evidence/{evidence.GetProperty("evidenceId").GetGuid()}/review",
            new { outcome = "Accepted", comment = "Seen." }, TrackingApi.Json)).EnsureSuccessStatusCode();
        (await world.Inspector.PostAsJsonAsync($"/api/recommendations/{id}/target-date-revisions/{revision.GetProperty("revisionId").GetGuid()}/decision",
            new { decision = "Refused", comment = "Keep to the date." }, TrackingApi.Json)).EnsureSuccessStatusCode();

        var after = await Queues(world.Inspector);
        foreach (var queue in new[] { "responses", "evidence", "revisions" })
        {
            after.GetProperty(queue).EnumerateArray().ShouldNotContain(q => q.GetProperty("recommendationId").GetGuid() == id, queue);
        }
    }

    [Fact]
    public async Task A_provider_manager_sees_only_their_own_providers_work_and_no_draft_inspections()
    {
        var other = world.Host.ClientAs(TrackingRoles.ProviderManager, "another-crc");
        var draft = await world.Inspector.PostAsJsonAsync("/api/inspections", NorthumbriaDemo.Inspection(), TrackingApi.Json);
        draft.StatusCode.ShouldBe(HttpStatusCode.Created);
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>(TrackingApi.Json)).GetProperty("id").GetGuid();
        await world.FreshRecommendation();

        var othersQueues = await Queues(other);
        var inspectorsList = (await world.Inspector.GetFromJsonAsync<List<JsonElement>>("/api/inspections", TrackingApi.Json))!;
        var drafts = (await world.Inspector.GetFromJsonAsync<List<JsonElement>>("/api/inspections?status=Draft", TrackingApi.Json))!;
        var managersList = (await world.Manager.GetFromJsonAsync<List<JsonElement>>("/api/inspections", TrackingApi.Json))!;
        var badStatus = await world.Inspector.GetAsync("/api/inspections?status=Finished");

        othersQueues.GetProperty("responses").GetArrayLength().ShouldBe(0);
        othersQueues.GetProperty("evidence").GetArrayLength().ShouldBe(0);
        (await other.GetFromJsonAsync<List<JsonElement>>("/api/inspections", TrackingApi.Json))!.ShouldBeEmpty();
        inspectorsList.First().GetProperty("status").GetString().ShouldBe("Draft");
        inspectorsList.ShouldContain(i => i.GetProperty("id").GetGuid() == draftId);
        inspectorsList.ShouldContain(i => i.GetProperty("status").GetString() == "Published" && i.GetProperty("recommendations").GetInt32() > 0);
        drafts.ShouldAllBe(i => i.GetProperty("status").GetString() == "Draft");
        managersList.ShouldNotBeEmpty();
        managersList.ShouldAllBe(i => i.GetProperty("status").GetString() == "Published");
        badStatus.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badStatus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
    }

    private static async Task<JsonElement> Queues(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/recommendations/work-queues", TrackingApi.Json);

    private static MultipartFormDataContent Evidence()
    {
        var file = new ByteArrayContent("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent("All staff trained."), "narrative" },
            { new StringContent(Today.AddDays(-3).ToString("yyyy-MM-dd")), "effectiveDate" },
            { file, "files", "plan.pdf" },
        };
    }
}
