using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;

namespace Tracking.IntegrationTests;

/// <summary>
/// A deployment upgraded from before scheduling announced its deadlines: the open ones were never sent to planning.
/// The first start of the new scheduling announces them, so planners see the next due dates without anyone acting.
/// Real RabbitMQ and PostgreSQL, separate hosts.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_deadlines_were_opened_before_next_due_dates_were_kept : IAsyncLifetime
{
    private const string Announced = "\"MessageType\" = 'Tracking.Contracts.DeadlineScheduled'";

    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _planning = null!;
    private TrackingHost _scheduling = null!;
    private TrackingHost? _upgraded;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _planning = TrackingHost.Distributed("planning", _database, _vhost);
        _scheduling = TrackingHost.Distributed("scheduling", _database, _vhost);
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
        _ = _planning.Services;
        _ = _scheduling.Services;
    }

    [Fact]
    public async Task The_new_scheduling_announces_the_open_deadlines_once_and_planners_see_them_due()
    {
        await TrackingApi.RecordAndPublishNorthumbria(_recommendations.Inspector());
        var planner = _planning.Planner();
        await Eventually.Get(() => DueDates(planner), d => d.Count == 8 && d.All(day => day == "2020-04-07"), TimeSpan.FromSeconds(60),
            "the response deadlines to reach planning");
        await _scheduling.DisposeAsync();

        // Back to what an older release left: deadlines open in scheduling, nothing about them in planning or the outbox.
        await _database.Execute($"DELETE FROM scheduling.outbox_messages WHERE {Announced}");
        await _database.Execute("DELETE FROM scheduling.inbox_messages WHERE \"Consumer\" = 'OpenDeadlinesAnnouncement'");
        await _database.Execute("DELETE FROM planning.scheduled_deadlines");
        (await _database.Execute("UPDATE planning.outstanding_recommendations SET \"EarliestOpenDeadline\" = NULL")).ShouldBe(8);
        (await DueDates(planner)).ShouldAllBe(day => day == null);

        _upgraded = TrackingHost.Distributed("scheduling", _database, _vhost);
        _ = _upgraded.Services;

        await Eventually.Get(() => DueDates(planner), d => d.Count == 8 && d.All(day => day == "2020-04-07"), TimeSpan.FromSeconds(60),
            "the announced deadlines to reach planning");
        (await _database.Count("scheduling.outbox_messages", Announced)).ShouldBe(8);
        (await _database.Count("scheduling.inbox_messages", "\"Consumer\" = 'OpenDeadlinesAnnouncement'")).ShouldBe(1);
    }

    private static async Task<List<string?>> DueDates(HttpClient planner) =>
        (await TrackingApi.Outstanding(planner, NorthumbriaDemo.ProviderId)).Select(r => r.GetProperty("nextDueOn").GetString()).ToList();

    public async Task DisposeAsync()
    {
        await Teardown.All(_recommendations, _upgraded, _scheduling, _planning, _vhost, _database);
    }
}
