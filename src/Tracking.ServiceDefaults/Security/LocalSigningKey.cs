using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.ServiceDefaults.Security;

/// <summary>The key the server signs its own tokens with when no external authority is configured.</summary>
public static class LocalSigningKey
{
    public const string FileName = "token-signing.key";

    public static SymmetricSecurityKey Load(AuthSettings settings, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            return Key(Convert.FromBase64String(settings.SigningKey));
        }

        OwnerOnly.CreateFolder(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                using var stream = new FileStream(path, OwnerOnly.NewFile());
                using var writer = new StreamWriter(stream);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process of this deployment created it first; use theirs.
            }
        }

        return Key(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    private static SymmetricSecurityKey Key(byte[] bytes) =>
        bytes.Length >= 32
            ? new SymmetricSecurityKey(bytes) { KeyId = "tracking-local" }
            : throw new InvalidOperationException($"{AuthSettings.Section}:SigningKey must be at least 32 bytes (base64).");
}
