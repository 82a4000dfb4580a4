using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Domain;

namespace Tracking.Recommendations.Evidence;

/// <summary>
/// Files are stored before the submission that names them is saved (so a refused save stores nothing half-way);
/// when the save then fails, the files are left with no owner. This removes stored content that no saved submission
/// refers to once it is older than the grace period, which outlasts any submission still in flight. Safe to run on
/// several processes at once: deleting what another sweep deleted is no error.
/// </summary>
internal sealed class OrphanedEvidenceSweep(
    EvidenceFileStore store,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<EvidenceOptions> options,
    ILogger<OrphanedEvidenceSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A one-shot delay before each run, not a periodic timer: a clock that jumps ahead causes one sweep, not one
        // per interval skipped.
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            try
            {
                await SweepOnce(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The sweep for evidence files of failed submissions failed; it runs again in {Interval}",
                    options.Value.SweepInterval);
            }
        }
    }

    /// <returns>How many stored files were removed.</returns>
    public async Task<int> SweepOnce(CancellationToken cancellationToken)
    {
        var candidates = store.StoredBefore(clock.GetUtcNow() - options.Value.OrphanGracePeriod);
        if (candidates.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in candidates.Chunk(500))
        {
            referenced.UnionWith(await db.Set<EvidenceSubmission>().AsNoTracking()
                .SelectMany(e => e.Files)
                .Where(f => batch.Contains(f.ContentHash))
                .Select(f => f.ContentHash)
                .Distinct()
                .ToListAsync(cancellationToken));
        }

        var orphans = candidates.Where(hash => !referenced.Contains(hash)).ToList();
        foreach (var hash in orphans)
        {
            store.Delete(hash);
        }

        if (orphans.Count > 0)
        {
            logger.LogInformation("Removed {Count} evidence files no saved submission refers to", orphans.Count);
        }

        return orphans.Count;
    }
}
