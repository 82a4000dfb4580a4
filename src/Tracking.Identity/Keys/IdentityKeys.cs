using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using Tracking.ServiceDefaults.Hosting;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Keys;

/// <summary>
/// The identity service's keys: an RSA key that signs tokens (published in the JWKS) and a symmetric key that
/// encrypts codes and refresh tokens. Configured (PEM / base64) or generated once into the data folder, so every
/// process of one install, and every restart, uses the same ones.
/// </summary>
internal sealed record IdentityKeys(RsaSecurityKey Signing, SymmetricSecurityKey Encryption)
{
    public static IdentityKeys Load(IConfiguration configuration)
    {
        var folder = TrackingSettings.From(configuration).DataFolder;
        var pem = configuration["Tracking:Identity:SigningKey"] is { Length: > 0 } configuredPem
            ? configuredPem
            : DataFolderSecret.LoadOrCreate(folder, "identity-signing.pem", () =>
            {
                using var fresh = RSA.Create(2048);
                return fresh.ExportPkcs8PrivateKeyPem();
            });
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var signing = new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };

        var encryption = configuration["Tracking:Identity:EncryptionKey"] is { Length: > 0 } configuredKey
            ? configuredKey
            : DataFolderSecret.LoadOrCreate(folder, "identity-encryption.key", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return new IdentityKeys(signing, new SymmetricSecurityKey(Convert.FromBase64String(encryption)));
    }

    // A key id derived from the public key, so a rotated key gets a new id that validators notice.
    private static string KeyId(RSA rsa) => Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16].ToLowerInvariant();
}
