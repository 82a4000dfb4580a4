using System.Data.Common;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tracking.Contracts;
using Tracking.Messaging.Outbox;
using Tracking.Messaging.Topology;
using Tracking.Planning;
using Tracking.Planning.Data;

namespace Tracking.UnitTests.Messaging;

/// <summary>
/// An idle process does not ask its database for unsent events every second: the relay sleeps its idle interval,
/// and a save that writes an event wakes it at once. The real relay and signal over a SQLite file, an in-memory bus,
/// and a fake clock moved a second at a time; what is counted is the relay's claim queries.
/// </summary>
public sealed class When_the_outbox_relay_has_nothing_to_send : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tracking-relay-{Guid.NewGuid():N}.db");
    private readonly CountingClock _clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
    private readonly ClaimCounter _claims = new();
    private readonly OutboxOptions _options = new();
    private readonly CancellationTokenSource _stopping = new();
    private ServiceProvider _services = null!;
    private IBusControl _bus = null!;
    private OutboxRelay<PlanningDbContext> _relay = null!;

    public async Task InitializeAsync()
    {
        var signal = new OutboxSignal<PlanningDbContext>();
        _services = new ServiceCollection()
            .AddDbContext<PlanningDbContext, PlanningSqliteDbContext>(o => o.UseSqlite($"Data Source={_file}").AddInterceptors(signal, _claims))
            .BuildServiceProvider(validateScopes: true);
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanningDbContext>().Database.EnsureCreatedAsync();
        }

        _bus = Bus.Factory.CreateUsingInMemory(_ => { });
        await _bus.StartAsync();
        var broker = new BrokerTopology();
        broker.MarkDeployed();
        _relay = new OutboxRelay<PlanningDbContext>(_services.GetRequiredService<IServiceScopeFactory>(), _bus,
            new MessagingTopology(PlanningService.Queue), broker, signal, new StartedLifetime(), Options.Create(_options), _clock,
            NullLogger<OutboxRelay<PlanningDbContext>>.Instance);
        await _relay.StartAsync(_stopping.Token);
        await _clock.Parked();
    }

    [Fact]
    public async Task It_asks_its_database_once_per_idle_interval_not_every_second()
    {
        _options.IdleInterval.ShouldBe(TimeSpan.FromSeconds(30));
        _claims.Count.ShouldBe(1, "one look at start");

        for (var second = 0; second < 600; second++)
        {
            await _clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Ten idle minutes: 20 looks at a 30-second interval, where a one-second poll made 600.
        _claims.Count.ShouldBe(21);
    }

    [Fact]
    public async Task A_saved_event_is_sent_at_once_without_the_clock_moving()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanningDbContext>();
            db.Publish(new ReplayEvents(Guid.NewGuid(), "planner", _clock.GetUtcNow()), _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var sentAt = await Until(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PlanningDbContext>().Outbox.Select(m => m.SentAt).SingleAsync();
        }, sent => sent is not null, "the relay to send the event");

        sentAt.ShouldBe(_clock.GetUtcNow().UtcDateTime);
        _claims.Count.ShouldBe(2);
    }

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _relay.StopAsync(CancellationToken.None);
        await _bus.StopAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    /// <summary>Polls on the real clock (the relay runs on other threads) until the condition holds, for at most 10 s.</summary>
    private static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {because}; last value {value}");
            }

            await Task.Delay(2);
        }
    }

    /// <summary>Counts the relay's claim queries: the SELECTs of unsent rows from the outbox.</summary>
    private sealed class ClaimCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"outbox_messages\"", StringComparison.Ordinal)
                && command.CommandText.Contains("\"SentAt\" IS NULL", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }

            return ValueTask.FromResult(result);
        }
    }

    /// <summary>
    /// A fake clock that knows when the relay is parked: every wait creates one timer, so the relay is waiting again
    /// once one more timer has been created than have fired.
    /// </summary>
    private sealed class CountingClock(FakeTimeProvider fake) : TimeProvider
    {
        private int _created;
        private int _fired;

        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override long GetTimestamp() => fake.GetTimestamp();

        public override long TimestampFrequency => fake.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _created);
            return fake.CreateTimer(s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            }, state, dueTime, period);
        }

        public async Task Advance(TimeSpan by)
        {
            var fired = Volatile.Read(ref _fired);
            fake.Advance(by);
            if (Volatile.Read(ref _fired) != fired)
            {
                await Parked();
            }
        }

        public Task Parked() => Until(() => Task.FromResult(Volatile.Read(ref _created) - Volatile.Read(ref _fired)), waiting => waiting == 1,
            "the relay to wait again");
    }

    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
