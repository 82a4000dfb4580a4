using System.Text;

namespace Tracking.Recommendations.Evidence;

/// <summary>
/// Checks that an upload's content is what its declared type says, so a script or executable cannot be passed off
/// as a PDF and later opened by an inspector.
/// </summary>
public sealed class ContentSniffer
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Whether the content matches the declared media type; an unknown type never matches.</summary>
    public async Task<bool> Matches(string mediaType, Stream content, CancellationToken cancellationToken) =>
        mediaType.ToLowerInvariant() switch
        {
            "application/pdf" => await StartsWith(content, Pdf, cancellationToken),
            "image/png" => await StartsWith(content, Png, cancellationToken),
            "image/jpeg" => await StartsWith(content, Jpeg, cancellationToken),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => await StartsWith(content, Zip, cancellationToken),
            "text/plain" or "text/csv" => await IsText(content, cancellationToken),
            _ => false,
        };

    private static async Task<bool> StartsWith(Stream content, byte[] signature, CancellationToken cancellationToken)
    {
        var head = new byte[signature.Length];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return read == signature.Length && head.AsSpan().SequenceEqual(signature);
    }

    /// <summary>Text is read to the end: a binary tail behind a harmless first line is still binary.</summary>
    private static async Task<bool> IsText(Stream content, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[16 * 1024];
        var chars = new char[buffer.Length + 4];
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (buffer.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }

                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
