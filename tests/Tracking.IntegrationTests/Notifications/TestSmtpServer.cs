using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port in the test process: what it receives is what a
/// person's mail server would have received. It can refuse the next messages to an address, as a full mailbox does.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => [.. _store.Messages];

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The next <paramref name="times"/> messages to this address are refused with a 452 (mailbox full).</summary>
    public void Refuse(string address, int times) => _store.Refusals[address.ToLowerInvariant()] = times;

    public int Refused => _store.RefusedCount;

    public static TestSmtpServer Start()
    {
        // A port the system just handed out and released: free, and on loopback only.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestSmtpServer(port);
    }

    /// <summary>Settings that send the server's mail here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Tracking:Mail:Smtp:Host"] = "127.0.0.1",
        ["Tracking:Mail:Smtp:Port"] = Port.ToString(),
        ["Tracking:Mail:Smtp:UseTls"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public ConcurrentDictionary<string, int> Refusals { get; } = new();

        public int RefusedCount;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}".ToLowerInvariant()).ToList();
            foreach (var address in to)
            {
                if (Refusals.TryGetValue(address, out var left) && left > 0)
                {
                    Refusals[address] = left - 1;
                    Interlocked.Increment(ref RefusedCount);
                    return new SmtpResponse(SmtpReplyCode.SizeLimitExceeded, "Mailbox full");
                }
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
