using System.Threading.Channels;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Public;
using Tracking.Public.Data;

namespace Tracking.UnitTests.Public;

/// <summary>
/// The public tracker's real consumers on MassTransit's in-memory harness over a real SQLite database in memory: what the
/// read-model tests feed events to and read rows from.
/// </summary>
internal sealed class PublicReadModelHost : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly Deliveries _deliveries = new();
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

    private PublicReadModelHost()
    {
    }

    public static async Task<PublicReadModelHost> Start(TimeProvider clock)
    {
        var host = new PublicReadModelHost();
        await host._connection.OpenAsync();
        host._services = new ServiceCollection()
            .AddDbContext<PublicTrackerSqliteDbContext>(o => o.UseSqlite(host._connection))
            .AddScoped<PublicTrackerDbContext>(sp => sp.GetRequiredService<PublicTrackerSqliteDbContext>())
            .AddSingleton(clock)
            .AddConsumeObserver(_ => host._deliveries)
            .AddMassTransitTestHarness(bus =>
            {
                PublicTrackerService.Queue.AddConsumersTo(bus);

                // One in-memory SQLite connection serves every scope, so messages are consumed one at a time.
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.ConcurrentMessageLimit = 1;
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(validateScopes: true);
        await host.Read(db => db.Database.EnsureCreatedAsync());
        host._harness = host._services.GetRequiredService<ITestHarness>();
        await host._harness.Start();
        return host;
    }

    /// <summary>Publishes a message and waits until the public tracker's consumers have finished with it.</summary>
    public async Task Deliver(object message, Guid? messageId = null)
    {
        var id = messageId ?? NewId.NextGuid();
        await _harness.Bus.Publish(message, c => c.MessageId = id);
        var fault = await _deliveries.Finished(id);
        fault.ShouldBeNull($"{message.GetType().Name} faulted");
    }

    public async Task<T> Read<T>(Func<PublicTrackerDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PublicTrackerDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>
    /// Reports each finished delivery by message id. The harness's own lists stop waiting once the bus has been idle
    /// and keep one entry per message id, so they cannot show a redelivery.
    /// </summary>
    private sealed class Deliveries : IConsumeObserver
    {
        private readonly Channel<(Guid? MessageId, Exception? Fault)> _finished = Channel.CreateUnbounded<(Guid?, Exception?)>();

        public async Task<Exception?> Finished(Guid messageId)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var (id, fault) = await _finished.Reader.ReadAsync(timeout.Token);
                if (id == messageId)
                {
                    return fault;
                }
            }
        }

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Report(context.MessageId, null);

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Report(context.MessageId, exception);

        private Task Report(Guid? messageId, Exception? fault) => _finished.Writer.WriteAsync((messageId, fault)).AsTask();
    }
}
