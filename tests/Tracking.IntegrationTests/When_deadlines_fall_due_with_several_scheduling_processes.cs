using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.Scheduling;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.IntegrationTests;

/// <summary>
/// Scheduling processes sharing one PostgreSQL (and its Hangfire storage) on a real RabbitMQ: however many sweep at
/// once, each deadline is reported missed once; a process that stops with timers pending loses none of them.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_deadlines_fall_due_with_several_scheduling_processes : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private const string MissedType = "\"MessageType\" = 'Tracking.Contracts.DeadlineMissed'";

    private readonly FakeTimeProvider _clock = new(Monday);
    private readonly List<TrackingHost> _hosts = [];
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
    }

    [Fact]
    public async Task Two_processes_sweeping_at_the_same_moment_report_each_missed_deadline_exactly_once()
    {
        var first = Start("scheduling");
        var second = Start("scheduling");
        const int count = 1_200;
        var batch = first.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value.SweepBatchSize;
        count.ShouldBeGreaterThan(2 * batch, "enough for both processes to take several batches");
        await first.Query(async sp =>
        {
            var db = sp.GetRequiredService<SchedulingDbContext>();
            for (var i = 0; i < count; i++)
            {
                db.Deadlines.Add(Deadline.Open(DeadlineKind.Action, Guid.NewGuid(), $"provider-{i % 7}", new DateOnly(2026, 3, 10), Monday, [],
                    actionId: Guid.NewGuid()));
            }

            return await db.SaveChangesAsync();
        });

        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero));
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).Services.GetRequiredService<DeadlineSweep>().RunOnce(CancellationToken.None))));

        sweeps.Sum(s => s.Missed).ShouldBe(count);
        (await _database.Count("scheduling.outbox_messages", MissedType)).ShouldBe(count);
        (await _database.Count("scheduling.deadlines", "\"MissedRaisedAt\" IS NOT NULL")).ShouldBe(count);
        await Sweep(second);
        (await _database.Count("scheduling.outbox_messages", MissedType)).ShouldBe(count, "nothing is reported twice");
    }

    [Fact]
    public async Task A_sweep_passes_over_deadlines_another_process_is_reporting_instead_of_waiting_for_it()
    {
        var scheduling = Start("scheduling");
        await AddDeadlinesDueOn(scheduling, 100, new DateOnly(2026, 3, 10));
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero));

        // Another scheduling process in the middle of a batch: ten due deadlines locked by its open transaction.
        await using var other = new NpgsqlConnection(_database.ConnectionString);
        await other.OpenAsync();
        var claim = await other.BeginTransactionAsync();
        await using (var lockTen = new NpgsqlCommand("SELECT \"Id\" FROM scheduling.deadlines ORDER BY \"Id\" LIMIT 10 FOR UPDATE", other, claim))
        {
            await lockTen.ExecuteNonQueryAsync();
        }

        try
        {
            await Finishes(scheduling, TimeSpan.FromSeconds(20), "a sweep must skip rows another process holds, not queue behind them");
            (await _database.Count("scheduling.deadlines", "\"MissedRaisedAt\" IS NOT NULL")).ShouldBe(90);
        }
        finally
        {
            await claim.RollbackAsync();
        }

        await Finishes(scheduling, TimeSpan.FromSeconds(20), "the released deadlines to be reported");
        (await _database.Count("scheduling.outbox_messages", MissedType)).ShouldBe(100);
        (await _database.Count("(SELECT DISTINCT \"Body\"::jsonb->>'deadlineId' FROM scheduling.outbox_messages WHERE " + MissedType + ") d"))
            .ShouldBe(100, "each deadline reported once");
    }

    [Fact]
    public async Task A_sweep_ends_once_everything_due_is_reported_and_the_next_one_raises_nothing_new()
    {
        var scheduling = Start("scheduling", new Dictionary<string, string?> { ["Tracking:Scheduling:SweepBatchSize"] = "50" });
        await AddDeadlinesDueOn(scheduling, 300, new DateOnly(2026, 3, 10));
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero));

        await Finishes(scheduling, TimeSpan.FromSeconds(30), "six batches of fifty, then a short one");
        (await _database.Count("scheduling.outbox_messages", MissedType)).ShouldBe(300);

        await Finishes(scheduling, TimeSpan.FromSeconds(20), "a sweep with nothing new due");
        (await _database.Count("scheduling.outbox_messages", MissedType)).ShouldBe(300, "nothing is reported twice");
    }

    [Fact]
    public async Task A_scheduling_process_restarted_with_timers_pending_still_raises_them_once()
    {
        var recommendations = Start("recommendations");
        var scheduling = Start("scheduling");
        var inspector = recommendations.Inspector();
        var recorded = await inspector.PostAsJsonAsync("/api/inspections", NorthumbriaDemo.Inspection(), TrackingApi.Json);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>(TrackingApi.Json)).GetProperty("id").GetGuid();
        (await inspector.PostAsJsonAsync($"/api/inspections/{id}/publish", new { publishedOn = "2026-03-02" }, TrackingApi.Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.Get(() => _database.Count("scheduling.deadlines", "\"Status\" = 'Open'"), n => n == 8, because: "eight response deadlines");
        (await _database.Count("scheduling.outbox_messages", MissedType)).ShouldBe(0);

        await scheduling.DisposeAsync();
        _hosts.Remove(scheduling);
        var restarted = Start("scheduling");
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 30, 0, 0, 1, TimeSpan.FromHours(1)));
        await Sweep(restarted);
        await Sweep(restarted);

        (await _database.Count("scheduling.outbox_messages", MissedType)).ShouldBe(8);
        var schedule = await restarted.Planner().GetFromJsonAsync<JsonElement>($"/api/schedule?providerId={NorthumbriaDemo.ProviderId}", TrackingApi.Json);
        schedule.GetProperty("deadlines").EnumerateArray().ShouldAllBe(d => d.GetProperty("missed").GetBoolean() && d.GetProperty("dueOn").GetString() == "2026-04-29");
        using var connection = restarted.Services.GetRequiredService<JobStorage>().GetConnection();
        connection.GetRecurringJobs().ShouldContain(j => j.Id == DeadlineSweep.RecurringJobId);
    }

    public async Task DisposeAsync()
    {
        await Teardown.All([.. _hosts, _vhost, _database]);
    }

    private TrackingHost Start(string roles, IDictionary<string, string?>? extra = null)
    {
        var host = TrackingHost.Distributed(roles, _database, _vhost, clock: _clock, extra: extra);
        _hosts.Add(host);
        _ = host.Services;
        return host;
    }

    private static Task AddDeadlinesDueOn(TrackingHost host, int count, DateOnly dueOn) => host.Query(async sp =>
    {
        var db = sp.GetRequiredService<SchedulingDbContext>();
        for (var i = 0; i < count; i++)
        {
            db.Deadlines.Add(Deadline.Open(DeadlineKind.Action, Guid.NewGuid(), $"provider-{i % 7}", dueOn, Monday, [], actionId: Guid.NewGuid()));
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// Runs one sweep that must end within the limit: one waiting on a lock or claiming the same rows for ever is
    /// cancelled and fails here instead of hanging the run.
    /// </summary>
    private static async Task Finishes(TrackingHost host, TimeSpan limit, string because)
    {
        using var limited = new CancellationTokenSource(limit);
        try
        {
            await host.Services.GetRequiredService<DeadlineSweep>().RunOnce(limited.Token);
        }
        catch (Exception) when (limited.IsCancellationRequested)
        {
            throw new ShouldAssertException($"The sweep was still running after {limit.TotalSeconds:F0} s: {because}.");
        }
    }

    private static Task<SweepResult> Sweep(TrackingHost host) => host.Services.GetRequiredService<DeadlineSweep>().RunOnce(CancellationToken.None);
}
