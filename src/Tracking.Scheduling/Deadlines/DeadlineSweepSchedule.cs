using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Hosting;

namespace Tracking.Scheduling.Deadlines;

/// <summary>Registers the minutely sweep with Hangfire at start; every scheduling process does, under the one job id.</summary>
internal sealed class DeadlineSweepSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var runOnce = typeof(DeadlineSweep).GetMethod(nameof(DeadlineSweep.RunOnce))!;
        recurringJobs.AddOrUpdate(DeadlineSweep.RecurringJobId, new Job(typeof(DeadlineSweep), runOnce, CancellationToken.None),
            Cron.Minutely(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
