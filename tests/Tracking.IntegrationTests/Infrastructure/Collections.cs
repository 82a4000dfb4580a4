[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// Every test that starts a server host runs in this one collection, one at a time: Hangfire keeps global static
/// state that hosts running side by side in one process would trample.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "hosts";
}
