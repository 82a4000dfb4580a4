using Microsoft.Extensions.DependencyInjection;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Data;

namespace Tracking.IntegrationTests;

/// <summary>
/// An idle relay sleeps for its long idle interval (an hour here) instead of asking the database every second; what
/// the process writes still leaves at once, because the wake comes when the write is committed: straight after a
/// SaveChanges of its own, or at the commit of the explicit transaction around it, never before.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_an_idle_outbox_relay_is_woken : IAsyncLifetime
{
    private const string Unsent = "\"SentAt\" IS NULL";
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _host = TrackingHost.Distributed("recommendations", _database, _vhost,
            extra: new Dictionary<string, string?> { ["Tracking:Outbox:IdleInterval"] = "01:00:00" });
        (await _host.CreateClient().GetAsync("/health/ready")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Events_leave_once_committed_whether_or_not_an_explicit_transaction_held_them()
    {
        await Write(inTransaction: false);
        await Eventually.Get(() => _database.Count("recommendations.outbox_messages", Unsent), n => n == 0, TimeSpan.FromSeconds(10),
            "a plain SaveChanges to wake the relay");

        await Write(inTransaction: true);
        await Eventually.Get(() => _database.Count("recommendations.outbox_messages", Unsent), n => n == 0, TimeSpan.FromSeconds(10),
            "the commit of the transaction to wake the relay, not the SaveChanges inside it");
        (await _database.Count("recommendations.outbox_messages")).ShouldBe(2);
    }

    private Task Write(bool inTransaction) => _host.Query(async sp =>
    {
        var db = sp.GetRequiredService<RecommendationsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var state = new RecommendationState("Closed", 9, null, null, 0, 0, null, null, "Implemented", now);
        db.Publish(new RecommendationClosed(Guid.NewGuid(), "test-provider", "Implemented", "Test event", "test", now, state), now);
        if (!inTransaction)
        {
            return await db.SaveChangesAsync();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var saved = await db.SaveChangesAsync();
        // Long enough for a relay woken at SaveChanges to look, find nothing visible yet and go back to sleep for the hour.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await transaction.CommitAsync();
        return saved;
    });

    public async Task DisposeAsync()
    {
        try
        {
            await _host.DisposeAsync();
        }
        finally
        {
            await _vhost.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
