using System.Globalization;

namespace Tracking.Benchmarks;

/// <summary>Sizes and durations, from flags. <c>--smoke</c> picks small defaults that run in seconds; any flag overrides.</summary>
public sealed class BenchmarkOptions
{
    public bool Smoke { get; private set; }

    /// <summary>Concurrent workers: PostgreSQL baseline connections and HTTP evidence posters alike.</summary>
    public int Workers { get; private set; } = 16;

    /// <summary>Seconds each throughput measure (both baselines, end-to-end) runs.</summary>
    public double DurationSeconds { get; private set; } = 30;

    /// <summary>Seconds of end-to-end load before the measured period (fresh processes JIT and warm their caches).</summary>
    public double WarmupSeconds { get; private set; } = 10;

    /// <summary>Recommendations the end-to-end load is spread over (the 8 demo ones plus as many more as needed).</summary>
    public int EvidenceRecommendations { get; private set; } = 128;

    public int PlannerProviders { get; private set; } = 10_000;

    public int PlannerRecommendations { get; private set; } = 1_000_000;

    public int PlannerRegions { get; private set; } = 12;

    /// <summary>Share of seeded recommendations not yet closed (the rest are Closed, as most are in real life).</summary>
    public double PlannerOpenShare { get; private set; } = 0.1;

    public int PlannerSamples { get; private set; } = 200;

    /// <summary>Open deadlines to seed, one sweep run per value.</summary>
    public IReadOnlyList<int> SweepDeadlines { get; private set; } = [100_000, 1_000_000];

    /// <summary>How many of them fall due in the same minute.</summary>
    public int SweepDue { get; private set; } = 10_000;

    public int HangfireWorkers { get; private set; } = 20;

    public int ColdStarts { get; private set; } = 3;

    /// <summary>Sequential evidence POSTs between the cold 100 and the warm 100 of the cost measure.</summary>
    public int CostWarmup { get; private set; } = 300;

    /// <summary>Seconds the cost measure leaves the services idle, counting what they send PostgreSQL meanwhile.</summary>
    public double IdleSeconds { get; private set; } = 10;

    /// <summary>Evidence items on the large recommendation of the flat-in-size measure.</summary>
    public int SizeItems { get; private set; } = 1000;

    /// <summary>Timed GETs and POSTs on each of the small and large recommendation.</summary>
    public int SizeSamples { get; private set; } = 50;

    public string JsonPath { get; private set; } = "benchmark-results.json";

    public bool Build { get; private set; } = true;

    public string? ServerDll { get; private set; }

    public string PostgresAdmin { get; private set; } =
        Environment.GetEnvironmentVariable("TRACKING_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=tracking;Password=tracking;Database=tracking";

    public string RabbitHost { get; private set; } = "127.0.0.1";

    public int RabbitPort { get; private set; } = 5672;

    public Uri RabbitManagement { get; private set; } = new("http://127.0.0.1:15672/");

    public string RabbitUser { get; private set; } = "guest";

    public string RabbitPassword { get; private set; } = "guest";

    /// <summary>Measures to run: baselines, e2e, sweep, planner, embedded.</summary>
    public HashSet<string> Only { get; private set; } = [.. AllMeasures];

    public bool KeepLogs { get; private set; }

    public static readonly string[] AllMeasures = ["baselines", "e2e", "cost", "planner", "embedded", "sweep"];

    /// <summary>Measures only run when named in --only: seeding millions of rows is too slow for every run.</summary>
    public static readonly string[] OnRequestMeasures = ["relay"];

    /// <summary>Sent outbox rows for the relay's claim measure, one run per value.</summary>
    public IReadOnlyList<int> RelayRows { get; private set; } = [1_000_000, 10_000_000];

    public const string Usage = """
        Tracking benchmark: raw PostgreSQL/RabbitMQ ceilings, end-to-end evidence, deadline sweep, planner query, embedded host.

          --smoke                    tiny sizes, a run of about a minute (any flag below still overrides)
          --workers N                PostgreSQL baseline connections = concurrent evidence posters (full 16, smoke 4)
          --duration S               seconds per throughput measure (full 30, smoke 3)
          --warmup S                 unmeasured end-to-end load first (full 10, smoke 2)
          --evidence-recommendations N   recommendations the evidence load is spread over (full 128, smoke 16)
          --planner-providers N      seeded providers (full 10000, smoke 100)
          --planner-recommendations N    seeded recommendations (full 1000000, smoke 10000)
          --planner-regions N        regions the providers are spread over (12)
          --planner-open-share F     share of seeded recommendations not closed (0.1)
          --planner-samples N        timed requests per query (full 200, smoke 30)
          --sweep-deadlines N[,N…]   open deadlines, one sweep per value (full 100000,1000000, smoke 2000)
          --sweep-due N              of which due in the same minute (full 10000, smoke 500)
          --hangfire-workers N       Hangfire worker count for the one-job-per-deadline baseline (20)
          --cold-starts N            embedded cold starts, median reported (full 3, smoke 1)
          --cost-warmup N            sequential POSTs between the cost measure's cold and warm hundred (full 300, smoke 100)
          --idle-seconds S           seconds the cost measure counts what idle services send PostgreSQL (full 10, smoke 4)
          --size-items N / --size-samples N   evidence on the large recommendation (1000) / timed requests each (full 50, smoke 15)
          --only a,b                 measures to run: baselines, e2e, cost, planner, embedded, sweep (default all); relay only when named
          --relay-rows N[,N…]        sent outbox rows for `--only relay`, one run per value (full 1000000,10000000, smoke 10000)
          --json PATH                where to write the results (benchmark-results.json)
          --no-build                 do not run `dotnet build src/Tracking.Server -c Release` first
          --server-dll PATH          Tracking.Server.dll to start (default src/Tracking.Server/bin/Release/net10.0/)
          --postgres CS              admin connection string (role may CREATE DATABASE; env TRACKING_BENCH_POSTGRES)
          --rabbit-host H --rabbit-port P --rabbit-management URL --rabbit-user U --rabbit-password P
          --keep-logs                keep the child processes' logs folder
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        if (args.Contains("--smoke"))
        {
            options.Smoke = true;
            options.Workers = 4;
            options.DurationSeconds = 3;
            options.WarmupSeconds = 2;
            options.EvidenceRecommendations = 16;
            options.PlannerProviders = 100;
            options.PlannerRecommendations = 10_000;
            options.PlannerSamples = 30;
            options.SweepDeadlines = [2_000];
            options.SweepDue = 500;
            options.ColdStarts = 1;
            options.CostWarmup = 100;
            options.IdleSeconds = 4;
            options.SizeSamples = 15;
            options.RelayRows = [10_000];
        }

        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            double Double() => double.Parse(Value(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--smoke": break;
                case "--workers": options.Workers = Positive(Int(), "--workers"); break;
                case "--duration": options.DurationSeconds = Double(); break;
                case "--warmup": options.WarmupSeconds = Double(); break;
                case "--evidence-recommendations": options.EvidenceRecommendations = Positive(Int(), "--evidence-recommendations"); break;
                case "--planner-providers": options.PlannerProviders = Positive(Int(), "--planner-providers"); break;
                case "--planner-recommendations": options.PlannerRecommendations = Positive(Int(), "--planner-recommendations"); break;
                case "--planner-regions": options.PlannerRegions = Positive(Int(), "--planner-regions"); break;
                case "--planner-open-share": options.PlannerOpenShare = Math.Clamp(Double(), 0, 1); break;
                case "--planner-samples": options.PlannerSamples = Positive(Int(), "--planner-samples"); break;
                case "--relay-rows":
                    options.RelayRows = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(v => Positive(int.Parse(v.Replace("_", ""), CultureInfo.InvariantCulture), "--relay-rows")).ToList();
                    break;
                case "--sweep-deadlines":
                    options.SweepDeadlines = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(v => Positive(int.Parse(v.Replace("_", ""), CultureInfo.InvariantCulture), "--sweep-deadlines")).ToList();
                    break;
                case "--sweep-due": options.SweepDue = Positive(Int(), "--sweep-due"); break;
                case "--hangfire-workers": options.HangfireWorkers = Positive(Int(), "--hangfire-workers"); break;
                case "--cold-starts": options.ColdStarts = Positive(Int(), "--cold-starts"); break;
                case "--cost-warmup": options.CostWarmup = Positive(Int(), "--cost-warmup"); break;
                case "--idle-seconds": options.IdleSeconds = Double(); break;
                case "--size-items": options.SizeItems = Positive(Int(), "--size-items"); break;
                case "--size-samples": options.SizeSamples = Positive(Int(), "--size-samples"); break;
                case "--json": options.JsonPath = Value(); break;
                case "--no-build": options.Build = false; break;
                case "--server-dll": options.ServerDll = Value(); break;
                case "--postgres": options.PostgresAdmin = Value(); break;
                case "--rabbit-host": options.RabbitHost = Value(); break;
                case "--rabbit-port": options.RabbitPort = Int(); break;
                case "--rabbit-management": options.RabbitManagement = new Uri(Value()); break;
                case "--rabbit-user": options.RabbitUser = Value(); break;
                case "--rabbit-password": options.RabbitPassword = Value(); break;
                case "--keep-logs": options.KeepLogs = true; break;
                case "--only":
                    var only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToHashSet();
                    var unknown = only.Except(AllMeasures).Except(OnRequestMeasures).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new ArgumentException($"Unknown measure(s) {string.Join(", ", unknown)}; use {string.Join(", ", AllMeasures.Concat(OnRequestMeasures))}.");
                    }

                    options.Only = only;
                    break;
                default: throw new ArgumentException($"Unknown flag {args[i]}.");
            }
        }

        if (options.SweepDeadlines.Any(n => n < options.SweepDue))
        {
            throw new ArgumentException("--sweep-deadlines must each be at least --sweep-due.");
        }

        return options;
    }

    private static int Positive(int value, string flag) => value > 0 ? value : throw new ArgumentException($"{flag} must be positive.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Smoke ? "smoke" : "full")}: workers {Workers}, duration {DurationSeconds}s (+{WarmupSeconds}s warm-up), evidence over {EvidenceRecommendations} recommendations, "
        + $"planner {PlannerProviders} providers / {PlannerRecommendations} recommendations in {PlannerRegions} regions ({PlannerOpenShare:P0} open), "
        + $"sweep {string.Join("/", SweepDeadlines)} deadlines with {SweepDue} due, Hangfire workers {HangfireWorkers}, cold starts {ColdStarts}");
}
