using System.Net.Http.Headers;
using System.Security.Cryptography;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Benchmarks;

/// <summary>
/// The services as separate OS processes on RabbitMQ and PostgreSQL: one Tracking.Server process per role, sharing a
/// scratch database (a schema each), a scratch virtual host and a signing key.
/// </summary>
public sealed class DistributedSystem
{
    private readonly TokenIssuer _tokens;

    private DistributedSystem(ScratchDatabase database, ScratchVirtualHost vhost, TokenIssuer tokens,
        IReadOnlyDictionary<string, ServerProcess> services)
    {
        Database = database;
        VirtualHost = vhost;
        _tokens = tokens;
        Services = services;
    }

    public ScratchDatabase Database { get; }

    public ScratchVirtualHost VirtualHost { get; }

    public IReadOnlyDictionary<string, ServerProcess> Services { get; }

    public ServerProcess Recommendations => Services["recommendations"];

    public ServerProcess Planning => Services["planning"];

    /// <summary>Pids of the service processes by role, for CPU accounting.</summary>
    public IReadOnlyDictionary<string, int> Pids => Services.ToDictionary(s => s.Key, s => s.Value.Pid);

    /// <summary>PostgreSQL backends of the benchmark's own watchers, left out of CPU sums.</summary>
    public HashSet<int> NotOurs { get; } = [];

    /// <summary>Set when the services reach PostgreSQL through the statement-counting relay.</summary>
    public SqlCountingProxy? Sql { get; private init; }

    /// <param name="countSql">Route the services' PostgreSQL connections through a <see cref="SqlCountingProxy"/> (one more local hop).</param>
    public static async Task<DistributedSystem> Start(BenchmarkOptions options, ServerBinary server, Cleanup cleanup, string logFolder,
        bool countSql = false, string purpose = "e2e")
    {
        var database = await ScratchDatabase.Create(options, cleanup, purpose);
        var (proxy, servicesConnection) = countSql ? SqlCountingProxy.For(database.ConnectionString, cleanup) : (null, database.ConnectionString);
        var vhost = await ScratchVirtualHost.Create(options, cleanup, purpose);
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var auth = new AuthSettings(null, "tracking-api", AuthSettings.LocalIssuer, signingKey);
        var dataRoot = Directory.CreateTempSubdirectory("tracking-bench-data-");
        cleanup.Add($"delete {dataRoot.FullName}", () =>
        {
            dataRoot.Delete(recursive: true);
            return Task.CompletedTask;
        });

        var services = new Dictionary<string, ServerProcess>();
        foreach (var role in server.DistributedRoles)
        {
            var environment = new Dictionary<string, string>
            {
                ["Tracking__Bus"] = "RabbitMq",
                ["Tracking__Database"] = "PostgreSql",
                ["ConnectionStrings__Tracking"] = servicesConnection,
                ["ConnectionStrings__RabbitMq"] = vhost.AmqpUri,
                ["Tracking__Auth__SigningKey"] = signingKey,
                ["Tracking__SeedDemoData"] = role == "recommendations" ? "true" : "false",
                ["Tracking__DataFolder"] = Path.Combine(dataRoot.FullName, role),
                // Request logging to the console costs CPU the load generator needs; warnings and errors still show.
                ["Logging__LogLevel__Default"] = "Warning",
            };
            services[role] = ServerProcess.Start(role, server.Dll, ["--roles", role], environment, server.Folder, logFolder,
                Net.FreePort(), cleanup);
        }

        await Task.WhenAll(services.Values.Select(s => s.WaitUntilReady(TimeSpan.FromSeconds(180))));
        return new DistributedSystem(database, vhost, new TokenIssuer(auth, LocalSigningKey.Load(auth, dataRoot.FullName), TimeProvider.System), services)
        {
            Sql = proxy,
        };
    }

    public string Token(string role, string? provider = null) =>
        _tokens.Mint(role, provider is null ? null : [provider], name: $"Benchmark {role}", subject: $"bench-{role}", lifetime: TimeSpan.FromHours(12));

    public HttpClient Client(ServerProcess service, string token, int maxConnections = 256)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        })
        {
            BaseAddress = service.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>The server binary to start: built in Release unless told otherwise.</summary>
public sealed record ServerBinary(string Dll, string Folder, IReadOnlyList<string> DistributedRoles)
{
    public static async Task<ServerBinary> Locate(BenchmarkOptions options)
    {
        var root = RepositoryRoot();
        if (options.Build && options.ServerDll is null)
        {
            Console.WriteLine("building src/Tracking.Server (Release)…");
            var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                ArgumentList = { "build", Path.Combine(root, "src", "Tracking.Server"), "-c", "Release", "-nologo", "-v", "quiet" },
                WorkingDirectory = root,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = build.StandardOutput.ReadToEndAsync();
            var error = build.StandardError.ReadToEndAsync();
            await build.WaitForExitAsync();
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet build src/Tracking.Server failed:\n{await output}\n{await error}");
            }
        }

        var dll = Path.GetFullPath(options.ServerDll ?? Path.Combine(root, "src", "Tracking.Server", "bin", "Release", "net10.0", "Tracking.Server.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} does not exist: build it with `dotnet build src/Tracking.Server -c Release` or pass --server-dll.");
        }

        // Scheduling runs as its own process too when the binary knows the role.
        var roles = new List<string> { "recommendations", "planning" };
        if (File.Exists(Path.Combine(Path.GetDirectoryName(dll)!, "Tracking.Scheduling.dll")))
        {
            roles.Add("scheduling");
        }

        return new ServerBinary(dll, Path.GetDirectoryName(dll)!, roles);
    }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Tracking.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Tracking.sln not found above the current folder: run the benchmark from the repository.");
    }
}
