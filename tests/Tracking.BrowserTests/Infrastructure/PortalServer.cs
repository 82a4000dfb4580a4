using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tracking.ServiceDefaults.Security;

namespace Tracking.BrowserTests.Infrastructure;

/// <summary>
/// The embedded server (every role, SQLite, in-memory bus, Northumbria demo data) on a real Kestrel port, so a
/// real browser can reach it. Its issuer is its own address, as `dotnet run` on a fresh machine has it.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly int _port = FreePort();

    public Uri Address => new($"http://127.0.0.1:{_port}/");

    /// <summary>An API client with a token for the role, to check through the API what the pages did.</summary>
    public HttpClient ApiAs(string role, params string[] providers)
    {
        var token = Services.GetRequiredService<TokenIssuer>().Mint(role, providers, name: $"Test {role}", subject: $"test-{role}");
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task InitializeAsync()
    {
        UseKestrel(_port);
        StartServer();
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        builder.UseSetting("Tracking:Roles", "all");
        builder.UseSetting("Tracking:Database", "Sqlite");
        builder.UseSetting("Tracking:Bus", "InMemory");
        builder.UseSetting("Tracking:SeedDemoData", "true");
        builder.UseSetting("Tracking:DataFolder", _dataFolder);
        builder.UseSetting("Tracking:Hangfire:PollInterval", "00:00:01");
        builder.UseSetting("Tracking:Identity:Issuer", Address.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
