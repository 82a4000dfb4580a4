using System.Diagnostics;
using Tracking.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Tracking.BrowserTests.Identity;

/// <summary>
/// Named steps of a long journey: each is logged with its time, and a failing one is screenshotted and named in the
/// failure, so a timeout says where it happened rather than only that it happened.
/// </summary>
internal sealed class JourneySteps(ITestOutputHelper output, Screenshots shots)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task Run(IPage page, string step, Func<Task> action)
    {
        var started = _clock.Elapsed;
        try
        {
            await action();
        }
        catch (Exception failure)
        {
            output.WriteLine($"{started.TotalSeconds,6:0.0}s FAILED {step} at {page.Url}");
            await shots.Take(page, "failed-" + step.Replace(' ', '-'));
            throw new InvalidOperationException($"Step '{step}' failed at {page.Url}: {failure.Message}", failure);
        }

        output.WriteLine($"{started.TotalSeconds,6:0.0}s {step} ({(_clock.Elapsed - started).TotalSeconds:0.0}s)");
    }
}
