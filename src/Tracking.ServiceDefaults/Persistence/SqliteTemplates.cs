using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tracking.ServiceDefaults.Persistence;

/// <summary>
/// One migrated, empty SQLite file per context type and process: every new database file of that context is a copy
/// of it. A server makes each of its databases once, so it pays the same as migrating in place; a test process
/// starting dozens of embedded hosts runs each context's migrations once instead of once per host.
/// </summary>
internal static class SqliteTemplates
{
    private static readonly ConcurrentDictionary<Type, Lazy<Task<string>>> Templates = new();

    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = OwnerOnly.CreateFolder(Path.Combine(Path.GetTempPath(), $"tracking-migrated-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    });

    /// <summary>Fills an empty (new) database file from the template, making the template first if need be; false when the file has data.</summary>
    public static async Task<bool> TryCopyInto<TContext>(string file, IServiceScopeFactory scopes, CancellationToken ct)
        where TContext : DbContext
    {
        if (new FileInfo(file).Length > 0)
        {
            return false;
        }

        var template = Templates.GetOrAdd(typeof(TContext), _ => new Lazy<Task<string>>(() => Make<TContext>(scopes)));
        string path;
        try
        {
            path = await template.Value.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A failed template is forgotten; this database is migrated in place, which reports the failure if it recurs.
            Templates.TryRemove(new KeyValuePair<Type, Lazy<Task<string>>>(typeof(TContext), template));
            return false;
        }

        File.Copy(path, file, overwrite: true);
        return true;
    }

    private static async Task<string> Make<TContext>(IServiceScopeFactory scopes)
        where TContext : DbContext
    {
        var path = Path.Combine(Folder.Value, $"{typeof(TContext).Name}.db");
        OwnerOnly.EnsureFile(path);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // Unpooled, so no connection keeps the file open while it is copied; rollback journal, so the file is complete after each commit.
        db.Database.SetConnectionString($"Data Source={path};Pooling=False");
        await db.Database.MigrateAsync();
        return path;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary folder: only empty schemas.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
