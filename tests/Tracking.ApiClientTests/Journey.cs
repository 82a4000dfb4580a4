namespace Tracking.ApiClientTests;

/// <summary>What both journeys send: one inspection with every standard rated and one recommendation for the provider.</summary>
internal static class Journey
{
    public static readonly string[] StandardCodes = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"];

    public static readonly DateTime PublishedOn = new(2020, 2, 11);

    public static DateTime ActionDue => DateTime.UtcNow.Date.AddDays(60);

    public static DateTime EffectiveOn => DateTime.UtcNow.Date.AddDays(-1);

    public static byte[] EvidenceFile => "Minutes of the risk panel, March 2020."u8.ToArray();

    /// <summary>Polls the read model, which planning fills from events, until the recommendation's row is there.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {because}.");
            }

            await Task.Delay(100);
        }
    }
}
