using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Forms;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>A provider manager's response: Agreed / Partly agreed / Not agreed, why, and a target date; amendable until accepted.</summary>
public sealed class RespondModel(TrackingApi api) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["response"] = "Input.Response",
        ["rationale"] = "Input.Rationale",
        ["targetDate"] = "Input.TargetDate",
    };

    [FromRoute]
    public Guid Id { get; set; }

    public int Number { get; private set; }

    [BindProperty]
    public ResponseInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var detail = await api.Recommendation(Id);
        if (!detail.Succeeded)
        {
            return PageNotFound();
        }

        Number = detail.Value!.Number;
        if (detail.Value.Response is { } response)
        {
            Input = new ResponseInput { Response = response.Response, Rationale = response.Rationale, TargetDate = DateInput.From(detail.Value.TargetDate) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var detail = await api.Recommendation(Id);
        if (!detail.Succeeded)
        {
            return PageNotFound();
        }

        Number = detail.Value!.Number;
        ModelState.Clear();
        if (Input.Response is not ("Agreed" or "PartlyAgreed" or "NotAgreed"))
        {
            ModelState.AddModelError("Input.Response", "Select whether you agree with the recommendation");
        }

        var (targetDate, dateError) = Input.TargetDate.Read("the target date", required: false);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.TargetDate", dateError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.Respond(Id, Input.Response!, string.IsNullOrWhiteSpace(Input.Rationale) ? null : Input.Rationale, targetDate);
        return result.Succeeded ? Redirect($"/recommendations/{Id}") : ShowProblem(result, Fields);
    }

    public sealed class ResponseInput
    {
        public string? Response { get; set; }

        public string? Rationale { get; set; }

        public DateInput TargetDate { get; set; } = new();
    }
}
