using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using Tracking.ServiceDefaults.Hosting;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Keys;

/// <summary>
/// The identity service's keys: the RSA key that signs tokens, the keys published beside it in the JWKS (the next one,
/// before it signs, and the previous one, while tokens it signed may still be in use), and a symmetric key that
/// encrypts codes and refresh tokens. Each configured (PEM / base64) or a file in the data folder, so every process
/// of one install, and every restart, uses the same ones. The signing key is generated there when missing.
/// </summary>
internal sealed record IdentityKeys(RsaSecurityKey Signing, IReadOnlyList<RsaSecurityKey> AlsoPublished, SymmetricSecurityKey Encryption)
{
    public const string SigningKey = IdentitySettings.Section + ":SigningKey";
    public const string NextSigningKey = IdentitySettings.Section + ":NextSigningKey";
    public const string PreviousSigningKey = IdentitySettings.Section + ":PreviousSigningKey";
    public const string SigningFile = "identity-signing.pem";
    public const string NextSigningFile = "identity-signing-next.pem";
    public const string PreviousSigningFile = "identity-signing-previous.pem";

    /// <summary>Every key a token of ours may be signed with, the signing one first.</summary>
    public IEnumerable<RsaSecurityKey> Published => [Signing, .. AlsoPublished];

    public static IdentityKeys Load(IConfiguration configuration)
    {
        var folder = TrackingSettings.From(configuration).DataFolder;
        var signing = Rsa(configuration[SigningKey] is { Length: > 0 } configuredPem
            ? configuredPem
            : DataFolderSecret.LoadOrCreate(folder, SigningFile, () =>
            {
                using var fresh = RSA.Create(2048);
                return fresh.ExportPkcs8PrivateKeyPem();
            }));
        var alsoPublished = new[] { Optional(configuration, NextSigningKey, folder, NextSigningFile), Optional(configuration, PreviousSigningKey, folder, PreviousSigningFile) }
            .OfType<string>()
            .Select(Rsa)
            .Where(k => k.KeyId != signing.KeyId)
            .DistinctBy(k => k.KeyId)
            .ToList();

        var encryption = configuration["Tracking:Identity:EncryptionKey"] is { Length: > 0 } configuredKey
            ? configuredKey
            : DataFolderSecret.LoadOrCreate(folder, "identity-encryption.key", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return new IdentityKeys(signing, alsoPublished, new SymmetricSecurityKey(Convert.FromBase64String(encryption)));
    }

    /// <summary>A public copy, for validators: the private half never leaves this type's holders.</summary>
    public static RsaSecurityKey PublicOnly(RsaSecurityKey key) => new(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId };

    private static string? Optional(IConfiguration configuration, string key, string folder, string fileName)
    {
        if (configuration[key] is { Length: > 0 } pem)
        {
            return pem;
        }

        var path = Path.Combine(folder, fileName);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private static RsaSecurityKey Rsa(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
    }

    // A key id derived from the public key, so a rotated key gets a new id that validators notice.
    private static string KeyId(RSA rsa) => Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16].ToLowerInvariant();
}
