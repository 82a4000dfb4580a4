using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.ServiceDefaults.Hosting;

namespace Tracking.Recommendations.Evidence;

/// <summary>Where evidence files are kept and which files are accepted, from configuration section Tracking:Evidence.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Tracking:Evidence";

    public static readonly string[] DefaultAllowedTypes =
    [
        "application/pdf",
        "image/png",
        "image/jpeg",
        "text/plain",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ];

    /// <summary>The evidence store; defaults to an "evidence" folder inside the data folder.</summary>
    public string Folder { get; set; } = "";

    public int MaxFiles { get; set; } = 5;

    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Media types a provider may upload; empty means <see cref="DefaultAllowedTypes"/>.</summary>
    public string[] AllowedTypes { get; set; } = [];

    /// <summary>How old a stored file no saved submission refers to must be before the sweep removes it.</summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sweep for files of submissions that failed to save runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    public bool Allows(string mediaType) => AllowedTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
}

public static class EvidenceStorage
{
    public static IHostApplicationBuilder AddEvidenceStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EvidenceOptions>()
            .Bind(builder.Configuration.GetSection(EvidenceOptions.Section))
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.Folder = string.IsNullOrWhiteSpace(options.Folder)
                    ? Path.Combine(TrackingSettings.From(configuration).DataFolder, "evidence")
                    : Path.GetFullPath(options.Folder);
                // Defaults are applied here, not in the initialiser, because binding appends to a pre-filled list.
                if (options.AllowedTypes.Length == 0)
                {
                    options.AllowedTypes = EvidenceOptions.DefaultAllowedTypes;
                }
            })
            .Validate(o => o.MaxFiles >= 0 && o.MaxFileBytes > 0, "Tracking:Evidence needs MaxFiles ≥ 0 and MaxFileBytes > 0.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero && o.OrphanGracePeriod >= TimeSpan.Zero,
                "Tracking:Evidence needs SweepInterval > 0 and OrphanGracePeriod ≥ 0.")
            .ValidateOnStart();
        builder.Services.AddSingleton<EvidenceFileStore>();
        builder.Services.AddSingleton<ContentSniffer>();
        builder.Services.AddHostedService<OrphanedEvidenceSweep>();
        return builder;
    }
}
