using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Evidence;
using Tracking.Web.Forms;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>
/// Evidence, step one: narrative, effective date, actions covered and files (one file input each, so it works without
/// JavaScript; with it, the MOJ multi-file upload sends each file as it is chosen to the Upload handler). Continue keeps the draft and shows the check-answers page; nothing reaches the API until Submit there.
/// </summary>
public sealed class SubmitEvidenceModel(TrackingApi api, PendingEvidence pending, PendingUploads uploads) : PortalPage
{
    public const int FileInputs = 3;

    [FromRoute]
    public Guid Id { get; set; }

    public RecommendationDetail? Recommendation { get; private set; }

    [BindProperty]
    public EvidenceInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>Which set of JavaScript uploads belongs to this form: in a hidden field, and in the upload and delete addresses.</summary>
    [BindProperty(Name = "uploads")]
    public string? UploadsKey { get; set; }

    /// <summary>Files already uploaded with JavaScript, listed again when the page comes back with errors.</summary>
    public IReadOnlyList<PendingUploads.Upload> Uploaded { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        UploadsKey = Guid.NewGuid().ToString("N");
        return await Load() ? Page() : PageNotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ValidUploadsKey)
        {
            UploadsKey = Guid.NewGuid().ToString("N");
        }

        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.Narrative))
        {
            ModelState.AddModelError("Input.Narrative", "Enter what has changed");
        }

        var (effective, dateError) = Input.EffectiveDate.Read("the date the change took effect", required: true);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.EffectiveDate", dateError);
        }
        else if (effective > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            ModelState.AddModelError("Input.EffectiveDate", "The date the change took effect must be today or in the past");
        }

        var files = new List<UploadedFile>();
        var chosen = Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        for (var i = 0; i < chosen.Count; i++)
        {
            var (file, error) = await EvidenceFileRules.Read(chosen[i], HttpContext.RequestAborted);
            if (error is not null)
            {
                ModelState.AddModelError($"Files[{i}]", error);
            }
            else
            {
                files.Add(file!);
            }
        }

        Uploaded = ValidUploadsKey ? uploads.All(UploadsKey, Owner, Id) : [];
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var draft = pending.Keep(new PendingEvidence.Draft(Owner, Id, Input.Narrative!, effective!.Value,
            Input.ActionIds.Where(a => Recommendation!.Actions.Any(x => x.Id == a)).ToList(), [.. Uploaded.Select(u => u.File), .. files]));
        if (ValidUploadsKey)
        {
            uploads.Forget(UploadsKey!);
        }

        return Redirect($"/recommendations/{Id}/evidence/check?draft={draft}");
    }

    /// <summary>One file from the MOJ multi-file upload, answered in the JSON shape the component reads.</summary>
    public async Task<IActionResult> OnPostUploadAsync([FromForm(Name = "documents")] IFormFile? documents)
    {
        if (!ValidUploadsKey || documents is null)
        {
            return UploadRefused(StatusCodes.Status400BadRequest, documents?.FileName ?? "", "Choose a file to upload");
        }

        if (!await Load())
        {
            return UploadRefused(StatusCodes.Status404NotFound, documents.FileName, "This recommendation was not found");
        }

        var (file, error) = await EvidenceFileRules.Read(documents, HttpContext.RequestAborted);
        if (error is not null)
        {
            return UploadRefused(StatusCodes.Status400BadRequest, documents.FileName, error);
        }

        if (uploads.Add(UploadsKey!, Owner, Id, file!) is not { } upload)
        {
            return UploadRefused(StatusCodes.Status400BadRequest, file!.Name, $"You can upload up to {EvidenceFileRules.MaxFiles} files");
        }

        var name = HtmlEncoder.Default.Encode(file!.Name);
        return new JsonResult(new
        {
            success = new { messageHtml = $"{name} uploaded", messageText = $"{file.Name} uploaded" },
            file = new { filename = upload.Id, originalname = name },
        });
    }

    /// <summary>The component's delete: the body names the upload, <c>{"delete": id}</c>.</summary>
    public IActionResult OnPostDelete([FromBody] DeleteUpload? request) =>
        ValidUploadsKey && request?.Delete is { } upload && uploads.Remove(UploadsKey!, Owner, Id, upload)
            ? new JsonResult(new { deleted = upload })
            : NotFound();

    public sealed record DeleteUpload(string? Delete);

    // The component puts the message into the page as HTML: it is encoded; "text" is the same message for the error summary.
    private JsonResult UploadRefused(int status, string fileName, string message)
    {
        var name = HtmlEncoder.Default.Encode(Path.GetFileName(fileName));
        return new JsonResult(new
        {
            error = new { message = HtmlEncoder.Default.Encode(message), text = message },
            file = new { filename = "", originalname = name },
        }) { StatusCode = status };
    }

    private bool ValidUploadsKey => Guid.TryParseExact(UploadsKey, "N", out _);

    private string Owner => User.FindFirst("sub")?.Value ?? "";

    private async Task<bool> Load()
    {
        var detail = await api.Recommendation(Id);
        Recommendation = detail.Value;
        return detail.Succeeded;
    }

    public sealed class EvidenceInput
    {
        public string? Narrative { get; set; }

        public DateInput EffectiveDate { get; set; } = new();

        public List<Guid> ActionIds { get; set; } = [];
    }
}
