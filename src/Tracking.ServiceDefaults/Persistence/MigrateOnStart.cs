using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tracking.ServiceDefaults.Persistence;

/// <summary>
/// Brings a service's database up to its latest migration before anything else in the process uses it. A database
/// already there is left alone after one read of its history table: the migrator would otherwise take its lock and
/// diff the whole model on every start. A new SQLite file is copied from one this process migrated before, if any.
/// Every database of the process is brought up at once (the first of these services starts them all); each service
/// still waits for its own, so whatever starts after it finds its database ready.
/// </summary>
public sealed class MigrateOnStart<TContext>(DatabaseMigrations migrations) : IHostedService
    where TContext : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken) => migrations.Ready(typeof(TContext), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A service database the process migrates at start.</summary>
public sealed record MigratedContext(Type ContextType, Func<IServiceScopeFactory, CancellationToken, Task> Migrate);

/// <summary>Migrates every registered service database side by side, once per process start.</summary>
public sealed class DatabaseMigrations(IEnumerable<MigratedContext> contexts, IServiceScopeFactory scopes)
{
    private readonly Lock _gate = new();
    private Dictionary<Type, Task>? _running;

    public Task Ready(Type contextType, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Task.Run: one database's synchronous model building must not hold up starting the others.
            _running ??= contexts.DistinctBy(c => c.ContextType)
                .ToDictionary(c => c.ContextType, c => Task.Run(() => c.Migrate(scopes, cancellationToken), cancellationToken));
            return _running[contextType].WaitAsync(cancellationToken);
        }
    }
}

internal static class Migrate<TContext>
    where TContext : DbContext
{
    public static async Task Run(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<MigrateOnStart<TContext>>>();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.IsSqlite())
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            // SQLite gives its -wal and -shm files the mode of the database file, so all three are owner-only.
            OwnerOnly.EnsureFile(file);
            if (await SqliteTemplates.TryCopyInto<TContext>(file, scopes, cancellationToken))
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                logger.LogInformation("{Context} database made from this process's migrated copy", typeof(TContext).Name);
                return;
            }
        }

        if (await AtLatestMigration(db, cancellationToken))
        {
            logger.LogInformation("{Context} database is already at its latest migration", typeof(TContext).Name);
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets the API, the consumers and the relay use the file at the same time (the file keeps the mode).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        logger.LogInformation("{Context} database is at its latest migration", typeof(TContext).Name);
    }

    /// <summary>True when the history table lists every migration this build has (a newer database counts too).</summary>
    internal static async Task<bool> AtLatestMigration(DbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct))
        {
            return false;
        }

        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal);
        return db.GetService<IMigrationsAssembly>().Migrations.Keys.All(applied.Contains);
    }
}
