using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Tracking.IntegrationTests.FaultDrills;

/// <summary>
/// Fault drill: a malformed message lands on the planning queue. It ends in the queue's error queue, where operators
/// see it, and does not hold up the good messages behind it.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "FaultDrill")]
public sealed class When_a_poison_message_reaches_a_queue(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task It_ends_in_the_error_queue_and_good_messages_still_flow()
    {
        var factory = new ConnectionFactory { Uri = new Uri(_vhost.AmqpUri()) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var properties = new BasicProperties
            {
                ContentType = "application/vnd.masstransit+json",
                MessageId = Guid.NewGuid().ToString(),
                Persistent = true,
            };
            await channel.BasicPublishAsync("", "planning", mandatory: true, properties,
                Encoding.UTF8.GetBytes("{\"messageType\":[\"urn:message:Tracking.Contracts:RecommendationPublished\"],\"message\":{\"recommendationId\":"));
        }

        var good = new RecommendationPublished(Guid.NewGuid(), Guid.NewGuid(), new ProviderRef("after-poison-crc", "After Poison CRC", "Wales"), 1,
            "Review cases when circumstances change.", ["Provider"], ["2.4"], new DateOnly(2020, 2, 11), DateTimeOffset.UtcNow);
        await _planning.Services.GetRequiredService<IBus>().Publish(good);

        var rows = await Eventually.Get(() => TrackingApi.Outstanding(_planning.Planner(), "after-poison-crc"), r => r.Count == 1,
            because: "the good message behind the poison one");
        var errors = await Eventually.Get(() => _vhost.QueueDepth("planning_error"), n => n >= 1, TimeSpan.FromSeconds(30),
            "the poison message to reach planning_error");
        output.WriteLine($"planning_error holds {errors} message(s); the good message was applied: {rows.Count == 1}");

        errors.ShouldBe(1);
        (await _vhost.QueueDepth("planning")).ShouldBe(0);
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_planning, _vhost, _database);
    }
}
