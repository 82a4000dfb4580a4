using Microsoft.Data.Sqlite;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// The SQLite files and keys of an embedded host that has started once on an empty folder: every service's database
/// migrated, nothing seeded. Most tests start a fresh embedded host; copying these files in first spares each of them
/// the migrations of seven databases (the bulk of an embedded start), while the host still starts, checks its
/// migrations and runs exactly as on a folder it made itself. Hangfire's storage is left out, so no timer state or
/// server registration of the template's own run is carried into a test.
/// </summary>
internal static class EmbeddedTemplate
{
    private static readonly Lazy<string> Folder = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the template into a data folder that does not exist yet or is empty; leaves any other as it is.</summary>
    public static void CopyInto(string dataFolder)
    {
        if (Directory.Exists(dataFolder) && Directory.EnumerateFileSystemEntries(dataFolder).Any())
        {
            return;
        }

        Directory.CreateDirectory(dataFolder);
        foreach (var file in Directory.EnumerateFiles(Folder.Value))
        {
            File.Copy(file, Path.Combine(dataFolder, Path.GetFileName(file)));
        }
    }

    private static string Build()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tracking-tests", "template-" + Guid.NewGuid().ToString("N"));
        // Task.Run: start and stop off the test's synchronisation context, which a blocking wait would otherwise hold.
        Task.Run(async () =>
        {
            await using var host = TrackingHost.EmbeddedOn(folder);
            using var client = host.CreateClient();
            (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        }).GetAwaiter().GetResult();
        // Pooled connections keep the files open; closing them checkpoints the write-ahead logs into the .db files.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("hangfire", StringComparison.Ordinal))
            {
                File.Delete(file);
            }
        }

        return folder;
    }
}
