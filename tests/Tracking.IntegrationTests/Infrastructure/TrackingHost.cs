using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// One Tracking server process as the tests see it: the real Program with real configuration, hosting the roles
/// given. Several of these side by side, sharing only RabbitMQ and PostgreSQL, are the distributed system.
/// </summary>
/// <param name="clock">A clock the tests move (FakeTimeProvider) in place of real time; null keeps real time.</param>
public sealed class TrackingHost(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    /// <summary>One signing key per test run, shared by every distributed host as a real deployment shares it.</summary>
    public static readonly string SharedSigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public ConsumeCounter Consumed { get; } = new();

    private Task<OpenApiContract>? _contract;

    /// <summary>A client whose every answer is checked against this host's own OpenAPI document (see <see cref="ContractCheckingHandler"/>).</summary>
    public new HttpClient CreateClient() => CreateDefaultClient(ClientOptions.BaseAddress,
        new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(ClientOptions.MaxAutomaticRedirections),
        new ContractCheckingHandler(Contract));

    private Task<OpenApiContract> Contract() =>
        LazyInitializer.EnsureInitialized(ref _contract, async () => OpenApiContract.For(await OpenApiDocument()));

    /// <summary>The OpenAPI document this host serves, as text.</summary>
    public async Task<string> OpenApiDocument()
    {
        using var http = new HttpClient(Server.CreateHandler()) { BaseAddress = ClientOptions.BaseAddress };
        return await http.GetStringAsync("/openapi/v1.json");
    }

    /// <summary>A client carrying a token for the given role, minted with this host's key as the `token` command would.</summary>
    public HttpClient ClientAs(string role, params string[] providers)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>().Mint(role, providers, name: $"Test {role}", subject: $"test-{role}");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Inspector() => ClientAs(TrackingRoles.Inspector);

    public HttpClient Planner() => ClientAs(TrackingRoles.Planner);

    /// <param name="extra">Settings added to or overriding the distributed defaults, such as a smaller sweep batch.</param>
    public static TrackingHost Distributed(string roles, TestDatabase database, TestVirtualHost vhost, int? brokerPort = null,
        TimeProvider? clock = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tracking:Roles"] = roles,
            ["Tracking:Database"] = "PostgreSql",
            ["Tracking:Bus"] = "RabbitMq",
            ["Tracking:SeedDemoData"] = "false",
            ["Tracking:DataFolder"] = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N")),
            ["Tracking:Hangfire:PollInterval"] = "00:00:01",
            ["ConnectionStrings:Tracking"] = database.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = vhost.AmqpUri(brokerPort),
            ["Tracking:Auth:SigningKey"] = SharedSigningKey,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new(settings, clock);
    }

    /// <param name="extra">Settings added to or overriding the embedded defaults, such as tighter upload limits.</param>
    public static TrackingHost Embedded(string dataFolder, bool seedDemoData = false, IDictionary<string, string?>? extra = null,
        TimeProvider? clock = null)
    {
        if (!seedDemoData)
        {
            EmbeddedTemplate.CopyInto(dataFolder);
        }

        return EmbeddedOn(dataFolder, seedDemoData, extra, clock);
    }

    /// <summary>An embedded host on the folder as it is: no template copied in.</summary>
    internal static TrackingHost EmbeddedOn(string dataFolder, bool seedDemoData = false, IDictionary<string, string?>? extra = null,
        TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tracking:Roles"] = "all",
            ["Tracking:Database"] = "Sqlite",
            ["Tracking:Bus"] = "InMemory",
            ["Tracking:SeedDemoData"] = seedDemoData ? "true" : "false",
            ["Tracking:DataFolder"] = dataFolder,
            ["Tracking:Hangfire:PollInterval"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new(settings, clock);
    }

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
        // Test output shows warnings and failures, not every request; EF's failed-command log is the expected
        // "no migrations table yet" on a fresh database and the expected key collisions the tests provoke.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Consumed);
            services.AddConsumeObserver(_ => Consumed);
            if (clock is not null)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
        });
    }
}
