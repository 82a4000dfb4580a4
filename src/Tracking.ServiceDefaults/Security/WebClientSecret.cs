using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Tracking.ServiceDefaults.Hosting;

namespace Tracking.ServiceDefaults.Security;

/// <summary>
/// The portal's client secret at the identity service: Tracking:Web:ClientSecret, else generated once into the data
/// folder, so the identity and web roles of one install agree on it without configuration.
/// </summary>
public static class WebClientSecret
{
    public const string Key = "Tracking:Web:ClientSecret";
    public const string FileName = "web-client.secret";
    public const string ClientId = "tracking-web";

    public static string Load(IConfiguration configuration) =>
        configuration[Key] is { Length: > 0 } configured
            ? configured
            : DataFolderSecret.LoadOrCreate(TrackingSettings.From(configuration).DataFolder, FileName,
                () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
