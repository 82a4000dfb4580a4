[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Tracking.BrowserTests.Infrastructure;

/// <summary>
/// Every browser test shares one server and one Chromium, one test at a time: browsers are CPU-heavy on a 2-core
/// machine, and Hangfire keeps global static state that a second host in the process would trample.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PortalServer>, ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}
