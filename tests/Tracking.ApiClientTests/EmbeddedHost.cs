using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tracking.ServiceDefaults.Security;

namespace Tracking.ApiClientTests;

/// <summary>The embedded server (all roles, SQLite, in-memory bus) as an integrator's generated client meets it.</summary>
public sealed class EmbeddedHost : WebApplicationFactory<Program>
{
    public const string ProviderId = "client-test-crc";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-client-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A client carrying a bearer token for the role, as the `token` command would mint it.</summary>
    public HttpClient As(string role)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>().Mint(role, role == TrackingRoles.ProviderManager ? [ProviderId] : null,
            name: $"Client {role}", subject: $"client-{role}");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        builder.UseSetting("Tracking:Roles", "all");
        builder.UseSetting("Tracking:Database", "Sqlite");
        builder.UseSetting("Tracking:Bus", "InMemory");
        builder.UseSetting("Tracking:SeedDemoData", "false");
        builder.UseSetting("Tracking:DataFolder", _dataFolder);
        builder.UseSetting("Tracking:Hangfire:PollInterval", "00:00:01");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}

/// <summary>Hangfire keeps global state, so the hosts of these tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostCollection
{
    public const string Name = "hosts";
}
