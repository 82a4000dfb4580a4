using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Tracking.Benchmarks;

/// <summary>What the services sent PostgreSQL: statements executed and round trips (a Sync or simple Query ends each).</summary>
public readonly record struct SqlCounts(long Statements, long RoundTrips, long Commits, long Connections)
{
    public static SqlCounts operator -(SqlCounts a, SqlCounts b) =>
        new(a.Statements - b.Statements, a.RoundTrips - b.RoundTrips, a.Commits - b.Commits, a.Connections - b.Connections);
}

/// <summary>
/// A TCP relay between the services and PostgreSQL that reads the frontend protocol as it passes: each Execute or
/// simple Query is a statement, each Sync or simple Query a round trip. Exact whatever the load, unlike timings.
/// The services must connect without TLS (the benchmark sets SSL Mode=Disable on the relayed connection string).
/// </summary>
public sealed class SqlCountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private long _statements, _roundTrips, _commits, _connections;

    private SqlCountingProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = Task.Run(Accept);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public SqlCounts Counts => new(Interlocked.Read(ref _statements), Interlocked.Read(ref _roundTrips), Interlocked.Read(ref _commits), Interlocked.Read(ref _connections));

    /// <summary>Starts a relay to the database's server and returns it with the connection string that goes through it.</summary>
    public static (SqlCountingProxy Proxy, string ConnectionString) For(string connectionString, Cleanup cleanup)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var proxy = new SqlCountingProxy(target.Host ?? "127.0.0.1", target.Port);
        cleanup.Add("stop the SQL counting relay", async () => await proxy.DisposeAsync());
        var relayed = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = proxy.Port, SslMode = SslMode.Disable };
        return (proxy, relayed.ConnectionString);
    }

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => Relay(client));
        }
    }

    private async Task Relay(TcpClient client)
    {
        using var server = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        lock (_open)
        {
            _open.Add(client);
            _open.Add(server);
        }

        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            var parser = new FrontendParser(this);
            var up = Copy(client.GetStream(), server.GetStream(), parser);
            var down = Copy(server.GetStream(), client.GetStream(), null);
            await Task.WhenAny(up, down);
        }
        catch (Exception)
        {
            // A connection closed from either side ends the relay of that connection only.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task Copy(NetworkStream from, NetworkStream to, FrontendParser? parser)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            parser?.Feed(buffer.AsSpan(0, read));
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
        }

        try
        {
            await _accepting;
        }
        catch (Exception)
        {
            // Stopping.
        }
    }

    /// <summary>Message framing of the client side: untyped startup messages first, then a type byte and a length each.</summary>
    private sealed class FrontendParser(SqlCountingProxy owner)
    {
        private const int SslRequest = 80877103;
        private const int GssRequest = 80877104;
        private readonly byte[] _header = new byte[8];
        private readonly byte[] _text = new byte[80];
        private bool _typed;
        private int _have;
        private long _skip;
        private char _type;
        private int _textHave;
        private int _textWant;

        public void Feed(ReadOnlySpan<byte> data)
        {
            var i = 0;
            while (i < data.Length)
            {
                if (_skip > 0)
                {
                    var n = (int)Math.Min(_skip, data.Length - i);
                    if (_textHave < _textWant)
                    {
                        var keep = Math.Min(n, _textWant - _textHave);
                        data.Slice(i, keep).CopyTo(_text.AsSpan(_textHave));
                        _textHave += keep;
                        if (_textHave == _textWant)
                        {
                            Inspect();
                        }
                    }

                    _skip -= n;
                    i += n;
                    continue;
                }

                _header[_have++] = data[i++];
                if (_have < (_typed ? 5 : 8))
                {
                    continue;
                }

                _have = 0;
                if (_typed)
                {
                    _skip = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(1)) - 4;
                    _type = (char)_header[0];
                    Count(_type);
                    // The start of a query's text (Parse or simple Query) tells a COMMIT from other statements.
                    _textHave = 0;
                    _textWant = _type is 'P' or 'Q' ? (int)Math.Min(_skip, _text.Length) : 0;
                }
                else
                {
                    _skip = BinaryPrimitives.ReadInt32BigEndian(_header) - 8;
                    var code = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(4));
                    _typed = code is not (SslRequest or GssRequest);
                }
            }
        }

        private void Inspect()
        {
            var text = _text.AsSpan(0, _textHave);
            if (_type == 'P')
            {
                // Parse: statement name, NUL, then the query.
                var end = text.IndexOf((byte)0);
                text = end < 0 ? [] : text[(end + 1)..];
            }

            if (text.StartsWith("COMMIT"u8))
            {
                Interlocked.Increment(ref owner._commits);
            }
        }

        private void Count(char type)
        {
            switch (type)
            {
                case 'Q':
                    Interlocked.Increment(ref owner._statements);
                    Interlocked.Increment(ref owner._roundTrips);
                    break;
                case 'E':
                    Interlocked.Increment(ref owner._statements);
                    break;
                case 'S':
                    Interlocked.Increment(ref owner._roundTrips);
                    break;
            }
        }
    }
}
