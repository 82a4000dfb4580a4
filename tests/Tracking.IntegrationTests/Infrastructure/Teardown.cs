namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// Disposes every part of a test's world in order even when one throws, then rethrows what failed: a host that
/// fails to stop must not leak its tracking_test_* database or its virtual host.
/// </summary>
public static class Teardown
{
    public static async Task All(params IAsyncDisposable?[] parts)
    {
        var failures = new List<Exception>();
        foreach (var part in parts)
        {
            try
            {
                if (part is not null)
                {
                    await part.DisposeAsync();
                }
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures.Count > 1)
        {
            throw new AggregateException("More than one part of the test failed to stop or clean up.", failures);
        }
    }

    /// <summary>A clean-up step that is not itself disposable (restarting a stopped broker, say), as a part.</summary>
    public static IAsyncDisposable Step(Func<Task> step) => new Steps(step);

    /// <summary>An embedded server's data folder: SQLite's pooled connections are let go first, or the files stay open.</summary>
    public static IAsyncDisposable SqliteFolder(string folder) => new Steps(() =>
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    });

    private sealed class Steps(Func<Task> step) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await step();
    }
}
