using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tracking.Recommendations.Evidence;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Http;

namespace Tracking.Recommendations.Features.SubmitEvidence;

/// <summary>An upload whose every field and file has been checked; nothing of it is stored yet.</summary>
public sealed record EvidenceUpload(string Narrative, DateOnly EffectiveDate, IReadOnlyList<Guid> ActionIds, IReadOnlyList<UploadedFile> Files);

/// <param name="MediaType">The declared type without parameters, lower case, already matched against the content.</param>
/// <param name="DisplayName">The client's file name made safe to show; never a path.</param>
public sealed record UploadedFile(IFormFile Content, string MediaType, string DisplayName);

/// <summary>Reads the multipart form of an evidence submission and checks it before anything is stored.</summary>
public static class EvidenceForm
{
    public const int MaxNarrative = 10000;
    public const string FilesField = "files";

    /// <summary>
    /// The form, or the problem that stopped it being read: not a form (415) or too large (413). A body that is not
    /// valid multipart, such as one with no parts at all, reads as an empty form so the answer names what is missing.
    /// </summary>
    public static async Task<(IFormCollection? Form, IResult? Refusal)> Read(HttpRequest request, FormOptions limits, Validation validation,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send evidence as multipart/form-data",
                detail: "Fields: narrative, effectiveDate, actionIds (repeatable), files (repeatable)."));
        }

        if (request.ContentLength > limits.MultipartBodyLengthLimit)
        {
            return (null, TooLarge(limits.MultipartBodyLengthLimit));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limits.MultipartBodyLengthLimit));
        }
        catch (InvalidDataException exceeded) when (exceeded.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TooLarge(limits.MultipartBodyLengthLimit));
        }
        catch (InvalidDataException)
        {
            validation.Add("body", "The body could not be read as multipart/form-data with at least one field.");
            return (FormCollection.Empty, null);
        }
    }

    public static async Task<EvidenceUpload?> Check(IFormCollection form, EvidenceOptions options, ContentSniffer sniffer, DateOnly today,
        Validation validation, CancellationToken cancellationToken)
    {
        var narrative = One(form, "narrative", validation);
        validation.Text(narrative, "narrative", required: true, max: MaxNarrative, what: "a narrative of what has changed");
        var effectiveDate = EffectiveDate(One(form, "effectiveDate", validation), today, validation);
        var actionIds = ActionIds(form, validation);
        var files = await Files(form.Files, options, sniffer, validation, cancellationToken);
        return validation.IsValid ? new EvidenceUpload(narrative!.Trim(), effectiveDate, actionIds, files) : null;
    }

    private static string? One(IFormCollection form, string field, Validation validation)
    {
        var values = form[field];
        validation.Require(values.Count <= 1, field, $"Send {field} once.");
        return values.Count == 0 ? null : values[0];
    }

    private static DateOnly EffectiveDate(string? value, DateOnly today, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            validation.Add("effectiveDate", "Enter the date the change took effect, as yyyy-MM-dd.");
            return default;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            validation.Add("effectiveDate", "Give the date the change took effect as yyyy-MM-dd.");
            return default;
        }

        validation.Require(date <= today, "effectiveDate", "The effective date cannot be in the future.");
        return date;
    }

    /// <summary>Repeated fields or one comma-separated field: form builders send either.</summary>
    private static List<Guid> ActionIds(IFormCollection form, Validation validation)
    {
        var ids = new List<Guid>();
        foreach (var value in form["actionIds"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (Guid.TryParse(value, out var id))
            {
                ids.Add(id);
            }
            else
            {
                validation.Add("actionIds", "Each action id must be the id of an action on this recommendation.");
            }
        }

        return ids;
    }

    private static async Task<List<UploadedFile>> Files(IFormFileCollection files, EvidenceOptions options, ContentSniffer sniffer,
        Validation validation, CancellationToken cancellationToken)
    {
        var accepted = new List<UploadedFile>();
        if (files.Any(f => f.Name != FilesField))
        {
            validation.Add(FilesField, $"Attach files in the '{FilesField}' field.");
        }

        if (files.Count > options.MaxFiles)
        {
            validation.Add(FilesField, $"Attach at most {options.MaxFiles} files; {files.Count} were sent.");
            return accepted;
        }

        foreach (var file in files)
        {
            var name = EvidenceFileName.DisplayName(file.FileName);
            var mediaType = MediaTypeHeaderValue.TryParse(file.ContentType, out var declared) ? declared.MediaType?.ToLowerInvariant() : null;
            if (file.Length == 0)
            {
                validation.Add(FilesField, $"{name} is empty.");
            }
            else if (file.Length > options.MaxFileBytes)
            {
                validation.Add(FilesField, $"{name} is larger than the {Size(options.MaxFileBytes)} allowed for one file.");
            }
            else if (mediaType is null || !options.Allows(mediaType))
            {
                validation.Add(FilesField, $"{name}: files of type '{file.ContentType}' are not accepted. Use one of: {string.Join(", ", options.AllowedTypes)}.");
            }
            else if (!await Sniff(file, mediaType, sniffer, cancellationToken))
            {
                validation.Add(FilesField, $"{name} is declared as {mediaType} but its content is not.");
            }
            else
            {
                accepted.Add(new UploadedFile(file, mediaType, name));
            }
        }

        return accepted;
    }

    private static async Task<bool> Sniff(IFormFile file, string mediaType, ContentSniffer sniffer, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        return await sniffer.Matches(mediaType, content, cancellationToken);
    }

    private static IResult TooLarge(long limit) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The upload is too large", detail: $"A submission may be at most {Size(limit)} in all.");

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        _ => $"{bytes} bytes",
    };
}
