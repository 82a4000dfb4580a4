using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>The real server binary as its own operating-system process, so a drill can kill it with SIGKILL.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _roles;
    private Process? _process;

    public ServerProcess(string roles, IDictionary<string, string?> settings)
    {
        _roles = roles;
        _environment = settings.Where(s => s.Value is not null)
            .ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public async Task Start()
    {
        var binary = Path.Combine(AppContext.BaseDirectory, "Tracking.Server.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{binary}\" --roles {_roles} --urls http://127.0.0.1:{Port}")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        await Eventually.Get(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The {_roles} process exited with {_process.ExitCode} while starting.");
            }

            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{Port}/health/ready")).StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), $"the {_roles} process to be ready");
    }

    /// <summary>kill -9: no shutdown hooks, no draining, whatever was in flight is cut off.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
