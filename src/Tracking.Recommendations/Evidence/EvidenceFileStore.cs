using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Recommendations.Evidence;

public sealed record StoredContent(string ContentHash, long Size);

/// <summary>
/// Evidence files on disk, addressed only by the SHA-256 of their content: the same content is stored once and a
/// client's file name never becomes part of a path.
/// </summary>
public sealed class EvidenceFileStore(IOptions<EvidenceOptions> options, TimeProvider clock)
{
    private string Folder => options.Value.Folder;

    public async Task<StoredContent> Store(Stream content, CancellationToken cancellationToken)
    {
        var incoming = Path.Combine(Folder, "incoming");
        OwnerOnly.CreateFolder(incoming);
        // Written beside the store first, so the final move is a rename on the same volume and readers never see half a file.
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        try
        {
            string hash;
            long size = 0;
            await using (var file = new FileStream(temporary, OwnerOnly.NewFile(81920, useAsync: true)))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var target = PathOf(hash);
            OwnerOnly.CreateFolder(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                try
                {
                    File.Move(temporary, target);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // Someone stored the same content at the same moment: theirs is byte-for-byte ours.
                }
            }

            // Stamped with the service's clock, so a file an earlier failed submission left is not swept under this one.
            File.SetLastWriteTimeUtc(target, clock.GetUtcNow().UtcDateTime);

            return new StoredContent(hash, size);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The stored content for a hash, or null when there is none.</summary>
    public Stream? Open(string contentHash)
    {
        if (!IsHash(contentHash))
        {
            return null;
        }

        var path = PathOf(contentHash);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Stored contents last written before <paramref name="cutoff"/>, by hash.</summary>
    public IReadOnlyList<string> StoredBefore(DateTimeOffset cutoff)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(path => IsHash(Path.GetFileName(path)) && PathOf(Path.GetFileName(path)) == path)
            .Where(path => File.GetLastWriteTimeUtc(path) < cutoff.UtcDateTime)
            .Select(Path.GetFileName)
            .ToList()!;
    }

    /// <summary>Removes stored content; removing what is already gone is no error (two sweeps may race).</summary>
    public void Delete(string contentHash)
    {
        if (IsHash(contentHash))
        {
            File.Delete(PathOf(contentHash));
        }
    }

    private string PathOf(string hash) => Path.Combine(Folder, hash[..2], hash);

    private static bool IsHash(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
}
