using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Forms;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>A SMART action with a named owner and a target date.</summary>
public sealed class PlanActionModel(TrackingApi api) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["description"] = "Input.Description",
        ["owner.name"] = "Input.OwnerName",
        ["owner.email"] = "Input.OwnerEmail",
        ["ownerName"] = "Input.OwnerName",
        ["ownerEmail"] = "Input.OwnerEmail",
        ["targetDate"] = "Input.TargetDate",
        ["measureOfSuccess"] = "Input.MeasureOfSuccess",
    };

    [FromRoute]
    public Guid Id { get; set; }

    public int Number { get; private set; }

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        Require(Input.Description, "Input.Description", "Enter what will be done");
        Require(Input.OwnerName, "Input.OwnerName", "Enter the owner's full name");
        Require(Input.OwnerEmail, "Input.OwnerEmail", "Enter the owner's email address");
        if (!string.IsNullOrWhiteSpace(Input.OwnerEmail) && !Input.OwnerEmail.Contains('@'))
        {
            ModelState.AddModelError("Input.OwnerEmail", "Enter an email address in the correct format, like name@example.com");
        }

        var (targetDate, dateError) = Input.TargetDate.Read("the target date", required: true);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.TargetDate", dateError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.PlanAction(Id, Input.Description!, Input.OwnerName!, Input.OwnerEmail!, targetDate,
            string.IsNullOrWhiteSpace(Input.MeasureOfSuccess) ? null : Input.MeasureOfSuccess);
        return result.Succeeded ? Redirect($"/recommendations/{Id}") : ShowProblem(result, Fields);
    }

    private void Require(string? value, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, message);
        }
    }

    private async Task<bool> Load()
    {
        var detail = await api.Recommendation(Id);
        Number = detail.Value?.Number ?? 0;
        return detail.Succeeded;
    }

    public sealed class ActionInput
    {
        public string? Description { get; set; }

        public string? OwnerName { get; set; }

        public string? OwnerEmail { get; set; }

        public DateInput TargetDate { get; set; } = new();

        public string? MeasureOfSuccess { get; set; }
    }
}
