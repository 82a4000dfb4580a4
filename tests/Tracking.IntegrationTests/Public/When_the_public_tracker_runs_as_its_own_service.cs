using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Public.Data;

namespace Tracking.IntegrationTests.Public;

/// <summary>
/// Distributed, on real RabbitMQ and PostgreSQL: the public tracker is its own process with its own schema, fed by the
/// recommendations service over the broker and nothing else. It shows the journey's statuses, stores no private word,
/// and a rebuild from a replay of events gives exactly the same public answers.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_the_public_tracker_runs_as_its_own_service : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _public = null!;
    private readonly PublicJourney _journey = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _public = TrackingHost.Distributed("public", _database, _vhost);
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
        _ = _public.Services;
        await _journey.Run(_recommendations);
    }

    [Fact]
    public async Task The_visitor_sees_the_eight_recommendations_and_a_rebuild_gives_the_same_answers()
    {
        var visitor = _public.CreateClient();
        var inspection = await PublicTracker.Settled(visitor, _journey.InspectionId);
        inspection.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("status").GetString())
            .ShouldBe(PublicJourney.Expected.OrderBy(e => e.Key).Select(e => e.Value.Status));
        (await _recommendations.Planner().GetAsync("/api/public/providers")).StatusCode.ShouldBe(HttpStatusCode.NotFound,
            "the recommendations host does not serve the public role");
        var before = await Answers(visitor);
        before.ShouldNotBeEmpty();
        before.ShouldNotContain(" NotFound\n");
        var stored = await Stored();
        stored.ShouldContain("Northumbria Community Rehabilitation Company");
        foreach (var (field, marker) in _journey.Markers)
        {
            stored.ShouldNotContain(marker, Case.Insensitive, $"the public schema stores the private {field}");
        }

        (await _database.Execute($"UPDATE {PublicTrackerDbContext.ServiceName}.recommendations SET \"Text\" = 'damaged', \"Status\" = 'Published'")).ShouldBe(8);
        (await Answers(visitor)).ShouldNotBe(before);
        (await visitor.PostAsync("/api/public/read-model/rebuild", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _public.Planner().PostAsync("/api/public/read-model/rebuild", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var rebuild = await _public.Inspector().PostAsync("/api/public/read-model/rebuild", null);

        rebuild.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var after = await Eventually.Get(() => Answers(visitor), a => a == before, TimeSpan.FromSeconds(60), "the rebuilt public answers to match");
        after.ShouldBe(before);
    }

    /// <summary>Every public answer, once two reads in a row agree (events may still be arriving between the parts).</summary>
    private async Task<string> Answers(HttpClient visitor)
    {
        var first = string.Join("\n", (await PublicTracker.EveryAnswer(visitor, _journey.InspectionId)).Select(a => $"{a.Path} {a.Status}\n{a.Body}"));
        var second = string.Join("\n", (await PublicTracker.EveryAnswer(visitor, _journey.InspectionId)).Select(a => $"{a.Path} {a.Status}\n{a.Body}"));
        return first == second ? first : "";
    }

    /// <summary>Every row of every table in the public tracker's schema, as text.</summary>
    private async Task<string> Stored()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema", connection))
        {
            list.Parameters.AddWithValue("schema", PublicTrackerDbContext.ServiceName);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Count.ShouldBeGreaterThan(5);
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var dump = new NpgsqlCommand(
                $"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {PublicTrackerDbContext.ServiceName}.\"{table}\" t", connection);
            text.AppendLine((string?)await dump.ExecuteScalarAsync());
        }

        return text.ToString();
    }

    public async Task DisposeAsync() => await Teardown.All(_recommendations, _public, _vhost, _database);
}
