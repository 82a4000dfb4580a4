using Microsoft.AspNetCore.Http;
using Tracking.Web.Api;

namespace Tracking.Web.Evidence;

/// <summary>
/// What the portal accepts as an evidence file, checked before anything is kept so the person sees the error on the page
/// they chose the file on (the API checks again). The same rules for the plain file inputs and the JavaScript upload.
/// </summary>
internal static class EvidenceFileRules
{
    /// <summary>The API's default limit (Tracking:Evidence:MaxFiles).</summary>
    public const int MaxFiles = 5;

    public const long MaxFileBytes = 10L * 1024 * 1024;

    public const string Allowed = "a PDF, PNG, JPG, TXT, CSV, DOCX or XLSX";

    private static readonly Dictionary<string, string> AllowedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>The file read into memory, or the error message the file upload pattern shows for it.</summary>
    public static async Task<(UploadedFile? File, string? Error)> Read(IFormFile file, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName);
        if (!AllowedTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return (null, $"{name} must be {Allowed}");
        }

        if (file.Length == 0)
        {
            return (null, $"{name} is empty");
        }

        if (file.Length > MaxFileBytes)
        {
            return (null, $"{name} must be smaller than 10MB");
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        return (new UploadedFile(name, type, content.ToArray()), null);
    }
}
