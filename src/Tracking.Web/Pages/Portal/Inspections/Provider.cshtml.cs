using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Forms;
using Tracking.Web.Inspections;

namespace Tracking.Web.Pages.Inspections;

/// <summary>First page: who was inspected, the report's title and the fieldwork dates.</summary>
public sealed partial class ProviderModel(PendingInspection pending) : InspectionStepPage(pending)
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        Input = new ProviderInput
        {
            ProviderName = Draft.ProviderName,
            ProviderId = Draft.ProviderId,
            Region = Draft.Region,
            Title = Draft.Title,
            FieldworkStarted = DateInput.From(Draft.FieldworkStartedOn),
            FieldworkEnded = DateInput.From(Draft.FieldworkEndedOn),
        };
        return Page();
    }

    public IActionResult OnPost()
    {
        ModelState.Clear();
        Require(Input.ProviderName, "Input.ProviderName", "Enter the provider's name");
        if (string.IsNullOrWhiteSpace(Input.ProviderId))
        {
            ModelState.AddModelError("Input.ProviderId", "Enter the provider's id");
        }
        else if (!ProviderIdPattern().IsMatch(Input.ProviderId.Trim()))
        {
            ModelState.AddModelError("Input.ProviderId", "The provider's id must be lower-case letters, digits and hyphens, like northumbria-crc");
        }

        Require(Input.Region, "Input.Region", "Enter the provider's region");
        Require(Input.Title, "Input.Title", "Enter the inspection's title");
        var (started, startError) = Input.FieldworkStarted.Read("the date fieldwork started", required: true);
        var (ended, endError) = Input.FieldworkEnded.Read("the date fieldwork ended", required: false);
        if (startError is not null)
        {
            ModelState.AddModelError("Input.FieldworkStarted", startError);
        }

        if (endError is not null)
        {
            ModelState.AddModelError("Input.FieldworkEnded", endError);
        }
        else if (started is { } s && ended is { } e && e < s)
        {
            ModelState.AddModelError("Input.FieldworkEnded", "The date fieldwork ended must be the same as or after the date it started");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Draft.ProviderName = Input.ProviderName!.Trim();
        Draft.ProviderId = Input.ProviderId!.Trim();
        Draft.Region = Input.Region!.Trim();
        Draft.Title = Input.Title!.Trim();
        Draft.FieldworkStartedOn = started;
        Draft.FieldworkEndedOn = ended;
        return Next("ratings");
    }

    private void Require(string? value, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, message);
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,63}\z")]
    private static partial Regex ProviderIdPattern();

    public sealed class ProviderInput
    {
        public string? ProviderName { get; set; }

        public string? ProviderId { get; set; }

        public string? Region { get; set; }

        public string? Title { get; set; }

        public DateInput FieldworkStarted { get; set; } = new();

        public DateInput FieldworkEnded { get; set; } = new();
    }
}
