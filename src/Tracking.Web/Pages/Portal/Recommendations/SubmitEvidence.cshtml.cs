using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Evidence;
using Tracking.Web.Forms;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>
/// Evidence, step one: narrative, effective date, actions covered and files (one file input each, so it works without
/// JavaScript). Continue keeps the draft and shows the check-answers page; nothing reaches the API until Submit there.
/// </summary>
public sealed class SubmitEvidenceModel(TrackingApi api, PendingEvidence pending) : PortalPage
{
    public const int FileInputs = 3;
    private const long MaxFileBytes = 10L * 1024 * 1024;

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

    [FromRoute]
    public Guid Id { get; set; }

    public RecommendationDetail? Recommendation { get; private set; }

    [BindProperty]
    public EvidenceInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
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

        var uploads = new List<UploadedFile>();
        var chosen = Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        for (var i = 0; i < chosen.Count; i++)
        {
            var file = chosen[i];
            var key = $"Files[{i}]";
            if (!AllowedTypes.TryGetValue(Path.GetExtension(file.FileName), out var type))
            {
                ModelState.AddModelError(key, $"{file.FileName} must be a PDF, PNG, JPG, TXT, CSV, DOCX or XLSX");
            }
            else if (file.Length == 0)
            {
                ModelState.AddModelError(key, $"{file.FileName} is empty");
            }
            else if (file.Length > MaxFileBytes)
            {
                ModelState.AddModelError(key, $"{file.FileName} must be smaller than 10MB");
            }
            else
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content);
                uploads.Add(new UploadedFile(Path.GetFileName(file.FileName), type, content.ToArray()));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var draft = pending.Keep(new PendingEvidence.Draft(User.FindFirst("sub")?.Value ?? "", Id, Input.Narrative!, effective!.Value,
            Input.ActionIds.Where(a => Recommendation!.Actions.Any(x => x.Id == a)).ToList(), uploads));
        return Redirect($"/recommendations/{Id}/evidence/check?draft={draft}");
    }

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
