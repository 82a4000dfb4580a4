using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Contracts;
using Tracking.IntegrationTests.FaultDrills;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Tracking.IntegrationTests;

/// <summary>
/// The scale-out check: two hosts of every role (six) on one real RabbitMQ and PostgreSQL. Two relays claim the same
/// outbox, two consumers compete on each queue, two sweeps run at once; a journey and a burst of evidence through
/// both recommendations hosts still has every effect exactly once.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_every_service_runs_twice(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Burst = 40;

    // Scheduling records its one-off announcement of older open deadlines as an inbox row of its own; it is no event.
    private static readonly string NotTheAnnouncementMarker = "\"Consumer\" <> 'OpenDeadlinesAnnouncement'";
    private readonly List<TrackingHost> _hosts = [];
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        foreach (var role in new[] { "recommendations", "scheduling", "planning" })
        {
            for (var i = 0; i < 2; i++)
            {
                var host = TrackingHost.Distributed(role, _database, _vhost);
                _hosts.Add(host);
                _ = host.Services;
            }
        }
    }

    [Fact]
    public async Task A_journey_and_a_burst_of_evidence_have_every_effect_exactly_once()
    {
        var (recommendationsA, recommendationsB) = (_hosts[0], _hosts[1]);
        var (schedulingA, schedulingB) = (_hosts[2], _hosts[3]);
        var (planningA, planningB) = (_hosts[4], _hosts[5]);
        var stream = new EvidenceStream(recommendationsA.Inspector(), recommendationsB.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId));
        await stream.Prepare();

        // The burst goes through both recommendations hosts at once, so both relays have rows to claim.
        var accepted = await Task.WhenAll(
            Submit(recommendationsA.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId), stream.Recommendations, 0),
            Submit(recommendationsB.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId), stream.Recommendations, 1));
        accepted.Sum().ShouldBe(Burst);

        var published = await _database.Count("recommendations.outbox_messages");
        published.ShouldBe(9 + 8 + Burst, "one event per change: publication, eight responses, the burst");
        await Eventually.Get(() => _database.Count("recommendations.outbox_messages", "\"SentAt\" IS NULL"), n => n == 0, because: "both relays to drain");

        // Scheduling reads every recommendation event; planning reads them and what scheduling raised about deadlines.
        await Eventually.Get(() => _database.Count("scheduling.inbox_messages", NotTheAnnouncementMarker), n => n >= published, TimeSpan.FromSeconds(60), "scheduling to apply every event");
        await Eventually.Get(() => _database.Count("scheduling.outbox_messages", "\"SentAt\" IS NULL"), n => n == 0, because: "scheduling's relays to drain");
        var fromScheduling = await _database.Count("scheduling.outbox_messages",
            "\"MessageType\" IN ('Tracking.Contracts.DeadlineMissed', 'Tracking.Contracts.DeadlineCleared', 'Tracking.Contracts.DeadlineScheduled')");
        await Eventually.Get(() => _database.Count("planning.inbox_messages"), n => n >= published + fromScheduling, TimeSpan.FromSeconds(60),
            "planning to apply every event");

        // Two sweeps at the same moment find nothing left to raise: the eight missed response deadlines were raised once.
        await Task.WhenAll(schedulingA.Services.GetRequiredService<DeadlineSweep>().RunOnce(CancellationToken.None),
            schedulingB.Services.GetRequiredService<DeadlineSweep>().RunOnce(CancellationToken.None));

        (await _database.Count("scheduling.inbox_messages", NotTheAnnouncementMarker)).ShouldBe(published);
        (await _database.Count("planning.inbox_messages")).ShouldBe(published + fromScheduling);
        (await _database.Count("scheduling.outbox_messages", "\"MessageType\" = 'Tracking.Contracts.DeadlineMissed'")).ShouldBe(8);
        (await _database.Count("scheduling.outbox_messages", "\"MessageType\" = 'Tracking.Contracts.DeadlineCleared'")).ShouldBe(8);
        (await _database.Count("scheduling.deadlines", $"\"Kind\" = '{DeadlineKind.Response}'")).ShouldBe(8);
        (await _database.Count("scheduling.deadlines", $"\"Kind\" = '{DeadlineKind.EvidenceReview}'")).ShouldBe(Burst);
        (await _database.Count("scheduling.timed_recommendations")).ShouldBe(8);
        (await _database.Count("planning.outstanding_recommendations")).ShouldBe(8);
        (await _database.Count("planning.missed_deadlines")).ShouldBe(8);
        (await _database.Count("planning.evidence_items")).ShouldBe(Burst);
        (await _database.Count("recommendations.evidence_submissions")).ShouldBe(Burst);
        // One history line per change: each recommendation's lines number exactly its version.
        (await _database.Count("recommendations.recommendations r",
            "r.\"Version\" = (SELECT count(*) FROM recommendations.history_entries h WHERE h.\"RecommendationId\" = r.\"Id\")")).ShouldBe(8);
        // Every planning row carries the recommendation's own version: each change applied once, none lost.
        (await _database.Count("planning.outstanding_recommendations p JOIN recommendations.recommendations r ON r.\"Id\" = p.\"RecommendationId\"",
            "p.\"Version\" = r.\"Version\"")).ShouldBe(8);

        var planner = planningB.Planner();
        var summary = await planner.GetFromJsonAsync<JsonElement>($"/api/planning/providers/{NorthumbriaDemo.ProviderId}/summary");
        summary.GetProperty("outstanding").GetInt32().ShouldBe(8);
        output.WriteLine($"evidence consumed by planning A/B: {planningA.Consumed.CompletedOf<EvidenceSubmitted>()}/{planningB.Consumed.CompletedOf<EvidenceSubmitted>()}, "
            + $"by scheduling A/B: {schedulingA.Consumed.CompletedOf<EvidenceSubmitted>()}/{schedulingB.Consumed.CompletedOf<EvidenceSubmitted>()}");
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var host in _hosts)
            {
                await host.DisposeAsync();
            }
        }
        finally
        {
            await _vhost.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    /// <summary>Half the burst through one host: every other submission, starting at <paramref name="offset"/>.</summary>
    private static async Task<int> Submit(HttpClient manager, IReadOnlyList<Guid> recommendations, int offset)
    {
        var accepted = 0;
        for (var i = offset; i < Burst; i += 2)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent($"Audit sample {i} ({NorthumbriaDemo.ProviderId})."), "narrative" },
                { new StringContent(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), "effectiveDate" },
            };
            var response = await manager.PostAsync($"/api/recommendations/{recommendations[i % recommendations.Count]}/evidence", form);
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
            accepted++;
        }

        return accepted;
    }
}
