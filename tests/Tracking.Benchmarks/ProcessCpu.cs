using System.Globalization;

namespace Tracking.Benchmarks;

/// <summary>CPU time (user + system) of processes, from /proc/&lt;pid&gt;/stat, so a cost per request can be summed over every process involved.</summary>
public sealed class CpuSnapshot
{
    private static readonly double TickMs = 1000.0 / 100; // USER_HZ is 100 on Linux

    private readonly Dictionary<int, (string Group, long Ticks)> _ticks;

    private CpuSnapshot(Dictionary<int, (string Group, long Ticks)> ticks) => _ticks = ticks;

    /// <summary>
    /// The benchmark's own children (by pid, grouped by name), the PostgreSQL backends serving <paramref name="database"/>
    /// plus PostgreSQL's shared helpers (WAL writer, checkpointer…), and the RabbitMQ broker (beam.smp, shared with anyone
    /// else using it). <paramref name="self"/> adds this process (the raw baseline runs in it).
    /// </summary>
    public static CpuSnapshot Take(IReadOnlyDictionary<string, int> children, string? database, bool self = false, IReadOnlySet<int>? exclude = null)
    {
        var ticks = new Dictionary<int, (string, long)>();
        foreach (var (name, pid) in children)
        {
            if (Read(pid) is { } t)
            {
                ticks[pid] = (name, t);
            }
        }

        if (self && Read(Environment.ProcessId) is { } mine)
        {
            ticks[Environment.ProcessId] = ("benchmark process", mine);
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || ticks.ContainsKey(pid) || exclude?.Contains(pid) == true)
            {
                continue;
            }

            string command;
            try
            {
                command = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            string? group = null;
            if (command.Contains("beam.smp", StringComparison.Ordinal))
            {
                group = "rabbitmq";
            }
            else if (command.StartsWith("postgres:", StringComparison.Ordinal))
            {
                // Backends are titled "postgres: 15/main: user database host state"; helpers have no database.
                var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var isBackend = words.Length >= 5 && words[3].Length > 0 && command.Contains('(');
                if (!isBackend || (database is not null && words[3] == database))
                {
                    group = "postgresql";
                }
            }

            if (group is not null && Read(pid) is { } t)
            {
                ticks[pid] = (group, t);
            }
        }

        return new CpuSnapshot(ticks);
    }

    /// <summary>CPU milliseconds spent since <paramref name="before"/>, per group and in total (processes gone in between are lost).</summary>
    public static CpuSpent Between(CpuSnapshot before, CpuSnapshot after)
    {
        var groups = new Dictionary<string, double>();
        foreach (var (pid, (group, ticks)) in after._ticks)
        {
            var start = before._ticks.TryGetValue(pid, out var b) ? b.Ticks : 0;
            groups[group] = groups.GetValueOrDefault(group) + Math.Max(0, ticks - start) * TickMs;
        }

        return new CpuSpent(groups);
    }

    private static long? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name in parentheses (which may contain spaces): utime is the 14th, stime the 15th.
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}

public sealed record CpuSpent(IReadOnlyDictionary<string, double> Groups)
{
    public double TotalMs => Groups.Values.Sum();

    /// <summary>"services 3.1, postgresql 1.2, rabbitmq 0.8" per unit of work.</summary>
    public string Describe(double per) => string.Join(", ", Groups.OrderByDescending(g => g.Value)
        .Select(g => $"{g.Key} {ResultTable.F(g.Value / per, "0.00")}"));
}
