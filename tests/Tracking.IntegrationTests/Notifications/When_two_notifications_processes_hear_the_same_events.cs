using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using static Tracking.IntegrationTests.Notifications.NotifiedPeople;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>
/// Exactly once on real RabbitMQ and PostgreSQL: two notifications processes compete for one queue, an event is
/// delivered twice, raised twice under different message ids, and the whole outbox is replayed. Each person still
/// gets one e-mail per event and rule, because the database refuses a second one, not because nothing raced.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_two_notifications_processes_hear_the_same_events : IAsyncLifetime
{
    private TestSmtpServer _smtp = null!;
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _first = null!;
    private TrackingHost _second = null!;

    public async Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
        _first = TrackingHost.Distributed("notifications", _database, _vhost, extra: _smtp.Settings());
        _second = TrackingHost.Distributed("notifications", _database, _vhost, extra: _smtp.Settings());
        _ = _recommendations.Services;
        _ = _second.Services;
        await Activate(_first, _first, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Each_person_gets_one_email_per_event_whatever_is_redelivered_or_replayed()
    {
        await TrackingApi.RecordAndPublishNorthumbria(_recommendations.As(Inspector));
        await Eventually.Get(() => Task.FromResult(_smtp.To(Manager.Email).About("Inspection report published")), m => m.Count >= 1,
            because: "the publication e-mail");

        var recommendation = Guid.NewGuid();
        var missed = new DeadlineMissed(Guid.NewGuid(), DeadlineKind.Response, recommendation, null, null, NorthumbriaDemo.ProviderId,
            new DateOnly(2026, 4, 29), new DateTimeOffset(2026, 4, 29, 22, 59, 59, TimeSpan.Zero), 2, 0, DateTimeOffset.UtcNow);
        var bus = _recommendations.Services.GetRequiredService<IBus>();
        var messageId = Guid.NewGuid();
        await bus.Publish(missed, c => c.MessageId = messageId);
        await bus.Publish(missed, c => c.MessageId = messageId);
        await bus.Publish(missed);
        await bus.Publish(new ReplayEvents(Guid.NewGuid(), "test", DateTimeOffset.UtcNow));

        await Eventually.Get(() => Task.FromResult(Consumed<DeadlineMissed>()), n => n >= 3, because: "all three deliveries of the missed deadline");
        await Eventually.Get(() => Task.FromResult(Consumed<InspectionPublished>()), n => n >= 2, because: "the replayed publication");
        await Eventually.Get(() => Task.FromResult(_smtp.To(Inspector.Email).About("Missed deadline")), m => m.Count >= 1, because: "the missed deadline e-mail");
        await Eventually.Get(() => _database.Count("notifications.notifications", "\"Status\" = 'Queued' OR \"Status\" = 'Sending'"), n => n == 0,
            because: "the queue to be empty");

        _smtp.To(Manager.Email).About("Inspection report published").Count.ShouldBe(1, "the replay must not publish the news again");
        _smtp.To(Manager.Email).About("Missed deadline").Count.ShouldBe(1);
        _smtp.To(Inspector.Email).About("Missed deadline").Count.ShouldBe(1);
        (_first.Consumed.TotalFaults + _second.Consumed.TotalFaults).ShouldBe(0);
        (await _database.Count("notifications.notifications")).ShouldBe(3, "publication to the manager, the missed deadline to manager and inspector");
    }

    private int Consumed<T>() => _first.Consumed.CompletedOf<T>() + _second.Consumed.CompletedOf<T>();

    public async Task DisposeAsync()
    {
        await Teardown.All(_recommendations, _first, _second, _vhost, _database, _smtp);
    }
}
