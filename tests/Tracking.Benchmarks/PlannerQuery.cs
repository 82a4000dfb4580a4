using System.Diagnostics;
using System.Globalization;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Benchmarks;

public sealed record QueryLatency(double P50, double P95, double MeanRows, double MeanKilobytes, int Samples);

public sealed record PlannerResult(QueryLatency Region, QueryLatency Provider, double SeedSeconds, long OpenRows);

/// <summary>
/// Seeds the planning read model straight into PostgreSQL (providers, recommendations, a few missed deadlines) and
/// times GET /api/planning/outstanding by region and by provider against the planning process.
/// </summary>
public static class PlannerQuery
{
    public static async Task<PlannerResult> Run(BenchmarkOptions options, DistributedSystem system)
    {
        var seed = Stopwatch.StartNew();
        await using (var connection = await system.Database.Open())
        {
            var p = options.PlannerProviders.ToString(CultureInfo.InvariantCulture);
            var regions = options.PlannerRegions.ToString(CultureInfo.InvariantCulture);
            var share = options.PlannerOpenShare.ToString(CultureInfo.InvariantCulture);
            string[] statements =
            [
                await SeedSql.Insert(connection, "planning", "providers", new Dictionary<string, string>
                {
                    ["ProviderId"] = "'bench-p' || g",
                    ["Name"] = "'Benchmark provider ' || g",
                    ["Region"] = $"'Benchmark region ' || (g % {regions})",
                }, $"FROM generate_series(1, {p}) AS g"),
                "SELECT setseed(0.42)",
                await SeedSql.Insert(connection, "planning", "outstanding_recommendations", new Dictionary<string, string>
                {
                    ["RecommendationId"] = "md5('bench-r' || g)::uuid",
                    ["InspectionId"] = $"md5('bench-i' || (g % {p}) || '-' || (g / ({p} * 10)))::uuid",
                    ["ProviderId"] = $"'bench-p' || (1 + g % {p})",
                    ["Number"] = "1 + (g / " + p + ") % 10",
                    ["Text"] = "'Benchmark recommendation ' || g || ': analyse risk of harm in more depth at assessment and review it when circumstances change.'",
                    ["Addressees"] = "ARRAY['Provider']",
                    ["LinkedStandards"] = "ARRAY['2.1', '2.2']",
                    ["Status"] = $"CASE WHEN random() < {share} THEN (ARRAY['AwaitingResponse', 'InProgress', 'EvidenceSubmitted'])[1 + g % 3] ELSE 'Closed' END",
                    ["Version"] = "1 + g % 7",
                    ["PublishedOn"] = "date '2018-01-01' + (g % 2500)",
                    ["PublishedAt"] = "timestamptz '2018-01-01 10:00:00+00' + (g % 2500) * interval '1 day'",
                    // Spread next-due days, so the due-date order has real work rather than one long tie.
                    ["NextDueOn"] = "current_date + (g % 180) - 30",
                }, $"FROM generate_series(1, {options.PlannerRecommendations.ToString(CultureInfo.InvariantCulture)}) AS g"),
                "ANALYZE planning.providers",
                "ANALYZE planning.outstanding_recommendations",
            ];
            var statementList = statements.ToList();
            if (await TableExists(connection, "planning", "missed_deadlines"))
            {
                // One recommendation in fifty has a missed deadline not yet cleared, so the overdue part of the query has work.
                statementList.Insert(3, await SeedSql.Insert(connection, "planning", "missed_deadlines", new Dictionary<string, string>
                {
                    ["DeadlineId"] = "md5('bench-d' || g)::uuid",
                    ["RecommendationId"] = "md5('bench-r' || g)::uuid",
                    ["ProviderId"] = $"'bench-p' || (1 + g % {p})",
                    ["Kind"] = "'Response'",
                    ["DueOn"] = "current_date - (g % 90)",
                }, $"FROM generate_series(50, {options.PlannerRecommendations.ToString(CultureInfo.InvariantCulture)}, 50) AS g"));
                statementList.Add("ANALYZE planning.missed_deadlines");
            }

            if (await ColumnExists(connection, "planning", "outstanding_recommendations", "DueKey"))
            {
                // The figures planning's consumers keep on the row, worked out here as its migration does for existing rows.
                statementList.Insert(statementList.Count - 2, """
                    UPDATE planning.outstanding_recommendations o SET
                      "Region" = COALESCE((SELECT p."Region" FROM planning.providers p WHERE p."ProviderId" = o."ProviderId"), ''),
                      "EarliestMissedOn" = (SELECT MIN(d."DueOn") FROM planning.missed_deadlines d
                                            WHERE d."RecommendationId" = o."RecommendationId" AND NOT d."Cleared"),
                      "MissedEscalated" = EXISTS (SELECT 1 FROM planning.missed_deadlines d
                                                  WHERE d."RecommendationId" = o."RecommendationId" AND NOT d."Cleared" AND d."Escalated")
                    WHERE o."ProviderId" LIKE 'bench-p%'
                    """);
                statementList.Insert(statementList.Count - 2, """
                    UPDATE planning.outstanding_recommendations SET
                      "DueKey" = CASE WHEN "Status" = 'Closed' THEN DATE '9999-12-31'
                                 ELSE COALESCE(LEAST("NextDueOn", "EarliestOpenDeadline"), DATE '9999-12-31') END,
                      "OverdueSince" = CASE WHEN "Status" = 'Closed' THEN DATE '9999-12-31' ELSE COALESCE("EarliestMissedOn", DATE '9999-12-31') END
                    WHERE "ProviderId" LIKE 'bench-p%'
                    """);
                statementList.Add("VACUUM ANALYZE planning.outstanding_recommendations");
            }

            foreach (var sql in statementList)
            {
                await using var command = new Npgsql.NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
                await command.ExecuteNonQueryAsync();
            }
        }

        var seedSeconds = seed.Elapsed.TotalSeconds;
        var open = await system.Database.Scalar("SELECT count(*) FROM planning.outstanding_recommendations WHERE \"Status\" <> 'Closed' AND \"ProviderId\" LIKE 'bench-p%'");
        Console.WriteLine($"  seeded {options.PlannerProviders} providers, {options.PlannerRecommendations} recommendations ({open} open) in {seedSeconds:0.0} s");

        using var planner = system.Client(system.Planning, system.Token(TrackingRoles.Planner), 4);
        var random = new Random(7);
        string RegionUrl() => $"api/planning/outstanding?region={Uri.EscapeDataString($"Benchmark region {random.Next(options.PlannerRegions)}")}";
        string ProviderUrl() => $"api/planning/outstanding?providerId=bench-p{1 + random.Next(options.PlannerProviders)}";
        var warmup = Math.Min(10, options.PlannerSamples);
        var region = await Sample(planner, RegionUrl, options.PlannerSamples, warmup);
        var provider = await Sample(planner, ProviderUrl, options.PlannerSamples, warmup);
        return new PlannerResult(region, provider, seedSeconds, open);
    }

    private static async Task<bool> ColumnExists(Npgsql.NpgsqlConnection connection, string schema, string table, string column)
    {
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = schema });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = table });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = column });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task<bool> TableExists(Npgsql.NpgsqlConnection connection, string schema, string table)
    {
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = schema });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = table });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task<QueryLatency> Sample(HttpClient client, Func<string> url, int samples, int warmup)
    {
        var times = new List<double>();
        double rows = 0, bytes = 0;
        for (var i = 0; i < warmup + samples; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(url(), HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            }

            if (i >= warmup)
            {
                times.Add(elapsed);
                bytes += body.Length;
                using var document = System.Text.Json.JsonDocument.Parse(body);
                rows += document.RootElement.GetProperty("items").GetArrayLength();
            }
        }

        return new QueryLatency(Stats.Percentile(times, 50), Stats.Percentile(times, 95), rows / samples, bytes / 1024 / samples, samples);
    }
}
