using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// One Tracking server process as the tests see it: the real Program with real configuration, hosting the roles
/// given. Several of these side by side, sharing only RabbitMQ and PostgreSQL, are the distributed system.
/// </summary>
public sealed class TrackingHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public ConsumeCounter Consumed { get; } = new();

    public static TrackingHost Distributed(string roles, TestDatabase database, TestVirtualHost vhost, int? brokerPort = null) => new(
        new Dictionary<string, string?>
        {
            ["Tracking:Roles"] = roles,
            ["Tracking:Database"] = "PostgreSql",
            ["Tracking:Bus"] = "RabbitMq",
            ["Tracking:SeedDemoData"] = "false",
            ["Tracking:DataFolder"] = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N")),
            ["Tracking:Hangfire:PollInterval"] = "00:00:01",
            ["ConnectionStrings:Tracking"] = database.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = vhost.AmqpUri(brokerPort),
        });

    public static TrackingHost Embedded(string dataFolder, bool seedDemoData = false) => new(
        new Dictionary<string, string?>
        {
            ["Tracking:Roles"] = "all",
            ["Tracking:Database"] = "Sqlite",
            ["Tracking:Bus"] = "InMemory",
            ["Tracking:SeedDemoData"] = seedDemoData ? "true" : "false",
            ["Tracking:DataFolder"] = dataFolder,
            ["Tracking:Hangfire:PollInterval"] = "00:00:01",
        });

    public T Query<T>(Func<IServiceProvider, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider);
    }

    public async Task<T> Query<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Consumed);
            services.AddConsumeObserver(_ => Consumed);
        });
    }
}
