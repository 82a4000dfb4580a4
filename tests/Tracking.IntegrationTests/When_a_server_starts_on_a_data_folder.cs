using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Planning.Data;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.IntegrationTests;

/// <summary>
/// Start-up skips work already done (a database at its latest migration is not migrated again; a new file is copied
/// from one the process migrated before), yet every database ends at its latest migration, with its data kept.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_server_starts_on_a_data_folder : IDisposable
{
    private readonly string _first = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private readonly string _second = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task New_folders_are_migrated_and_seeded_each_on_its_own_and_a_restart_keeps_them()
    {
        await using (var first = TrackingHost.Embedded(_first, seedDemoData: true))
        await using (var second = TrackingHost.Embedded(_second))
        {
            await EveryDatabaseIsAtItsLatestMigration(first);
            await EveryDatabaseIsAtItsLatestMigration(second);
            // The second folder's files are copies of migrated, empty ones: the first folder's demo is not in them.
            (await TrackingApi.Outstanding(second.Planner(), NorthumbriaDemo.ProviderId)).ShouldBeEmpty();
            await Eventually.Get(() => TrackingApi.Outstanding(first.Planner(), NorthumbriaDemo.ProviderId), rows => rows.Count == 8,
                because: "the demo to reach planning");
        }

        await using var again = TrackingHost.Embedded(_first, seedDemoData: true);
        await EveryDatabaseIsAtItsLatestMigration(again);
        (await TrackingApi.Outstanding(again.Planner(), NorthumbriaDemo.ProviderId)).Count.ShouldBe(8);
    }

    [Fact]
    public async Task An_older_database_is_migrated_forward_and_keeps_its_rows()
    {
        var file = Path.Combine(OwnerOnly.CreateFolder(_first), "planning.db");
        OwnerOnly.EnsureFile(file);
        string older;
        await using (var old = new PlanningSqliteDbContext(new DbContextOptionsBuilder<PlanningSqliteDbContext>()
                         .UseSqlite($"Data Source={file}").Options))
        {
            var all = old.Database.GetMigrations().ToList();
            older = all[^2];
            await old.GetService<IMigrator>().MigrateAsync(older);
            // A provider with one open recommendation whose missed response deadline was escalated, as the older schema held them.
            await old.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO providers ("ProviderId", "Name", "Region") VALUES ('older-provider', 'Older Provider', 'Wales');
                INSERT INTO outstanding_recommendations ("RecommendationId", "InspectionId", "ProviderId", "Number", "Text", "Addressees",
                  "LinkedStandards", "PublishedOn", "PublishedAt", "AwaitingPublication", "Status", "Version",
                  "OpenActions", "EvidenceAwaitingReview", "NextDueOn")
                VALUES ('0B3A1C56-6F1E-4F7C-9C55-3C1D2E4F5A61', '0B3A1C56-6F1E-4F7C-9C55-3C1D2E4F5A62', 'older-provider', 1, 'Older text',
                  '["Provider"]', '["2.1"]', '2020-01-06', '2020-01-06 09:00:00', 0, 'AwaitingResponse', 1, 0, 0, '2020-02-03');
                INSERT INTO missed_deadlines ("DeadlineId", "RecommendationId", "ProviderId", "Kind", "DueOn", "Escalated", "Cleared")
                VALUES ('0B3A1C56-6F1E-4F7C-9C55-3C1D2E4F5A63', '0B3A1C56-6F1E-4F7C-9C55-3C1D2E4F5A61', 'older-provider', 'Response',
                  '2020-02-03', 1, 0);
                """);
        }

        SqliteConnection.ClearAllPools();

        await using var host = TrackingHost.Embedded(_first);

        await EveryDatabaseIsAtItsLatestMigration(host);
        var kept = await host.Query(sp => sp.GetRequiredService<PlanningDbContext>().Providers.SingleAsync(p => p.ProviderId == "older-provider"));
        kept.Name.ShouldBe("Older Provider");
        // The row written under the older schema is listed with its figures.
        var row = (await host.Planner().GetFromJsonAsync<JsonElement>("/api/planning/outstanding?region=Wales&overdue=true"))
            .GetProperty("items").EnumerateArray().Single();
        row.GetProperty("number").GetInt32().ShouldBe(1);
        row.GetProperty("nextDueOn").GetString().ShouldBe("2020-02-03");
        row.GetProperty("escalated").GetBoolean().ShouldBeTrue();
        row.GetProperty("daysOverdue").GetInt32().ShouldBe(UkToday().DayNumber - new DateOnly(2020, 2, 3).DayNumber);
    }

    /// <summary>Each service database of the host lists every migration its build has as applied.</summary>
    private static async Task EveryDatabaseIsAtItsLatestMigration(TrackingHost host)
    {
        var contexts = host.Services.GetServices<IHostedService>()
            .Select(s => s.GetType())
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(MigrateOnStart<>))
            .Select(t => t.GetGenericArguments()[0])
            .ToList();
        contexts.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var type in contexts)
        {
            var (known, applied) = await host.Query(async sp =>
            {
                var db = (DbContext)sp.GetRequiredService(type);
                return (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList());
            });
            applied.ShouldBe(known, $"{type.Name}'s applied migrations");
        }
    }

    private static DateOnly UkToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { _first, _second }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
