namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// Waits for an asynchronous outcome (an event crossing the bus) to become visible. This is polling for a
/// message to arrive, not sleeping to pass time: deadlines in tests move a FakeTimeProvider instead.
/// </summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Gave up waiting{(because is null ? "" : $" for {because}")}; last value: {Describe(last)}");
            }

            await Task.Delay(100);
            last = await read();
        }

        return last;
    }

    private static string Describe<T>(T value) => value switch
    {
        System.Collections.ICollection c => $"{c.Count} item(s)",
        _ => value?.ToString() ?? "null",
    };
}
