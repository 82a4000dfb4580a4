using Microsoft.Extensions.Configuration;

namespace Tracking.ServiceDefaults.Hosting;

public enum DatabaseProvider { Sqlite, PostgreSql }

public enum BusTransport { InMemory, RabbitMq }

/// <summary>
/// The configuration that decides how a process runs: which database and bus, where embedded data lives.
/// Defaults are the embedded mode, so a fresh checkout runs with no services installed.
/// </summary>
public sealed record TrackingSettings(
    DatabaseProvider Database,
    BusTransport Transport,
    string DataFolder,
    string? PostgresConnectionString,
    Uri RabbitMqUri)
{
    public const string Section = "Tracking";

    public static TrackingSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new TrackingSettings(
            ParseEnum(section, "Database", DatabaseProvider.Sqlite),
            ParseEnum(section, "Bus", BusTransport.InMemory),
            Path.GetFullPath(section["DataFolder"] is { Length: > 0 } folder ? folder : "data"),
            configuration.GetConnectionString("Tracking"),
            new Uri(configuration.GetConnectionString("RabbitMq") is { Length: > 0 } uri ? uri : "amqp://guest:guest@127.0.0.1:5672/"));
    }

    private static T ParseEnum<T>(IConfigurationSection section, string key, T fallback) where T : struct, Enum
    {
        var raw = section[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        return Enum.TryParse<T>(raw, ignoreCase: true, out var value)
            ? value
            : throw new InvalidOperationException(
                $"Configuration '{Section}:{key}' is '{raw}'; expected one of: {string.Join(", ", Enum.GetNames<T>())}.");
    }
}
