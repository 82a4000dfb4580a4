using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Tracking.Messaging.Bus;

/// <summary>
/// Readiness of the RabbitMQ link itself. MassTransit's own check only reflects receive endpoints, so a process
/// that only publishes (the recommendations service) would look ready with the broker gone.
/// </summary>
internal sealed class BrokerHealthCheck(Uri broker) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return HealthCheckResult.Healthy($"connected to {broker.Host}:{broker.Port}");
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var factory = new ConnectionFactory
            {
                Uri = broker,
                ClientProvidedName = "tracking-health",
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            };
            _connection = await factory.CreateConnectionAsync(timeout.Token);
            return HealthCheckResult.Healthy($"connected to {broker.Host}:{broker.Port}");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ at {broker.Host}:{broker.Port} is unreachable: {ex.GetBaseException().Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
