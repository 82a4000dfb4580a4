using System.Globalization;

namespace Tracking.Recommendations.Evidence;

/// <summary>The name shown for an uploaded file: display metadata only, never part of a path.</summary>
public static class EvidenceFileName
{
    public const int MaxLength = 255;

    public static string DisplayName(string? clientName)
    {
        // Both separators count whatever the server's platform: a name from Windows arrives with backslashes.
        var last = Path.GetFileName((clientName ?? "").Replace('\\', '/'));
        var cleaned = new string(last.Where(c => !IsHidden(c) && c != '/' && c != '\\').ToArray()).Trim();
        if (cleaned.Trim('.').Length == 0)
        {
            return "file";
        }

        if (cleaned.Length <= MaxLength)
        {
            return cleaned;
        }

        var extension = Path.GetExtension(cleaned);
        extension = extension.Length is > 0 and <= 16 ? extension : "";
        var stem = cleaned[..(MaxLength - extension.Length)];
        return (char.IsHighSurrogate(stem[^1]) ? stem[..^1] : stem) + extension;
    }

    /// <summary>
    /// Control characters, and format characters (bidirectional overrides such as U+202E, zero-width joiners)
    /// that make a name display differently from what it is: "report\u202Etxt.exe" shows as "reportexe.txt".
    /// </summary>
    private static bool IsHidden(char c) => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
