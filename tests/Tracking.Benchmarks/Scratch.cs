using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Tracking.Benchmarks;

/// <summary>Everything to undo at the end, run in reverse order even when a measure failed.</summary>
public sealed class Cleanup : IAsyncDisposable
{
    private readonly Stack<(string What, Func<Task> Undo)> _steps = new();
    private readonly Lock _gate = new();

    public void Add(string what, Func<Task> undo)
    {
        lock (_gate)
        {
            _steps.Push((what, undo));
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (true)
        {
            (string What, Func<Task> Undo) step;
            lock (_gate)
            {
                if (!_steps.TryPop(out step))
                {
                    return;
                }
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await step.Undo().WaitAsync(timeout.Token);
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"cleanup: {step.What} failed: {ex.GetBaseException().Message}");
            }
        }
    }
}

/// <summary>A PostgreSQL database of its own, dropped (with FORCE) at cleanup.</summary>
public sealed class ScratchDatabase
{
    private ScratchDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> Create(BenchmarkOptions options, Cleanup cleanup, string purpose)
    {
        var name = $"tracking_bench_{purpose}_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(options.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        cleanup.Add($"drop database {name}", async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(options.PostgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException ex) when (ex.SqlState == "42501" && attempt < 10)
                {
                    // An autovacuum worker (a superuser's backend) on the fresh tables: FORCE may not end it, but it ends soon.
                    await Task.Delay(1000);
                }
            }
        });
        var builder = new NpgsqlConnectionStringBuilder(options.PostgresAdmin) { Database = name };
        return new ScratchDatabase(name, builder.ConnectionString);
    }

    public async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> Scalar(string sql)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task Execute(string sql, int timeoutSeconds = 600)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A RabbitMQ virtual host of its own (management HTTP API), deleted at cleanup.</summary>
public sealed class ScratchVirtualHost
{
    private ScratchVirtualHost(string name, BenchmarkOptions options)
    {
        Name = name;
        _options = options;
    }

    private readonly BenchmarkOptions _options;

    public string Name { get; }

    public string AmqpUri => $"amqp://{Uri.EscapeDataString(_options.RabbitUser)}:{Uri.EscapeDataString(_options.RabbitPassword)}@{_options.RabbitHost}:{_options.RabbitPort}/{Name}";

    public static HttpClient Management(BenchmarkOptions options)
    {
        var management = new HttpClient { BaseAddress = options.RabbitManagement };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.RabbitUser}:{options.RabbitPassword}")));
        return management;
    }

    public static async Task<ScratchVirtualHost> Create(BenchmarkOptions options, Cleanup cleanup, string purpose)
    {
        var name = $"tracking-bench-{purpose}-{Guid.NewGuid():N}"[..36];
        using var management = Management(options);
        (await management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        cleanup.Add($"delete vhost {name}", async () =>
        {
            using var m = Management(options);
            var response = await m.DeleteAsync($"api/vhosts/{name}");
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                response.EnsureSuccessStatusCode();
            }
        });
        (await management.PutAsJsonAsync($"api/permissions/{name}/{options.RabbitUser}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new ScratchVirtualHost(name, options);
    }
}

public static class Net
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public static class Stats
{
    /// <summary>Nearest-rank percentile of an unsorted sample.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);
}
