using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Messaging.Outbox;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Demo;

namespace Tracking.IntegrationTests;

/// <summary>
/// Outbox retention, distributed on real RabbitMQ and PostgreSQL: a week after they were sent, events leave the
/// outbox for the archive, so the relay's claim stays on a small table; a read-model rebuild still gets every one of
/// them back, re-sent under its original sequence and message id.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_sent_events_are_archived : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly List<TrackingHost> _hosts = [];
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
    }

    [Fact]
    public async Task A_rebuild_replays_the_archived_events_under_their_original_sequence_and_id()
    {
        var recommendations = Start("recommendations");
        var planning = Start("planning");
        await TrackingApi.RecordAndPublishNorthumbria(recommendations.Inspector());
        await Eventually.Get(() => _database.Count("planning.outstanding_recommendations"), n => n == 8, because: "planning to list eight");
        await Eventually.Get(() => _database.Count("recommendations.outbox_messages", "\"SentAt\" IS NULL"), n => n == 0, because: "the relay to drain");
        var original = await Events("recommendations.outbox_messages");

        var archive = recommendations.Services.GetRequiredService<OutboxArchive<RecommendationsDbContext>>();
        (await archive.ArchiveAll(CancellationToken.None)).ShouldBe(0, "nothing is a week old yet");
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await archive.ArchiveAll(CancellationToken.None);

        (await _database.Count("recommendations.outbox_messages")).ShouldBe(0);
        (await Events("recommendations.outbox_archive")).ShouldBe(original);

        var rebuild = await planning.Inspector().PostAsync("/api/planning/read-model/rebuild", null);
        rebuild.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.Get(() => _database.Count("planning.inbox_messages"), n => n == original.Count, TimeSpan.FromSeconds(60),
            "planning to apply the nine replayed events");
        (await _database.Count("planning.outstanding_recommendations")).ShouldBe(8);
        (await _database.Count("planning.providers")).ShouldBe(1);
        (await Events("recommendations.outbox_messages")).ShouldBe(original, "back under their own sequence and id");
        (await _database.Count("recommendations.outbox_archive")).ShouldBe(0);

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

    private TrackingHost Start(string roles)
    {
        var host = TrackingHost.Distributed(roles, _database, _vhost, clock: _clock);
        _hosts.Add(host);
        _ = host.Services;
        return host;
    }

    private async Task<List<(long Sequence, Guid MessageId, string MessageType)>> Events(string table)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT \"Sequence\", \"MessageId\", \"MessageType\" FROM {table} ORDER BY \"Sequence\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(long, Guid, string)>();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2)));
        }

        return events;
    }
}
