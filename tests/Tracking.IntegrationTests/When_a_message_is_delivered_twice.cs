using MassTransit;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tracking.IntegrationTests;

/// <summary>The inbox: RabbitMQ delivers at least once, so the same event arriving twice must change the read model once.</summary>
[Collection(HostCollection.Name)]
public sealed class When_a_message_is_delivered_twice : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _planning = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _planning = TrackingHost.Distributed("planning", _database, _vhost);
        _ = _planning.Services;
    }

    [Fact]
    public async Task The_planning_read_model_changes_once()
    {
        var messageId = Guid.NewGuid();
        var published = new RecommendationPublished(
            Guid.NewGuid(), Guid.NewGuid(), new ProviderRef("duplicate-crc", "Duplicate CRC", "Wales"), 1,
            "Review cases when circumstances change.", ["Provider"], ["2.4"], new DateOnly(2020, 2, 11), DateTimeOffset.UtcNow);
        var bus = _planning.Services.GetRequiredService<IBus>();

        await bus.Publish(published, context => context.MessageId = messageId);
        await bus.Publish(published, context => context.MessageId = messageId);

        await Eventually.Get(() => Task.FromResult(_planning.Consumed.Completed(messageId) + _planning.Consumed.Faulted(messageId)),
            n => n >= 2, because: "both deliveries to be consumed");
        _planning.Consumed.Completed(messageId).ShouldBe(2);
        _planning.Consumed.Faulted(messageId).ShouldBe(0);
        (await TrackingApi.Outstanding(_planning.Planner(), "duplicate-crc")).Count.ShouldBe(1);
        var summary = await _planning.Planner().GetFromJsonAsync<JsonElement>("/api/planning/providers/duplicate-crc/summary");
        summary.GetProperty("outstanding").GetInt32().ShouldBe(1);
        (await _database.Count("planning.inbox_messages", $"\"MessageId\" = '{messageId}'")).ShouldBe(1);
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_planning, _vhost, _database);
    }
}
