using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Tracking.Web.Ui.Errors;

namespace Tracking.Web.Ui.TagHelpers;

/// <summary>
/// govuk-error-for="Input.Rationale" on a form group adds govuk-form-group--error; on a field (input, textarea, select)
/// it adds the field's own --error class (govuk-input--error, govuk-textarea--error, …) and points aria-describedby at
/// the error message. Nothing changes when the field has no error.
/// </summary>
[HtmlTargetElement(Attributes = AttributeName)]
public sealed class ErrorStateTagHelper : TagHelper
{
    private const string AttributeName = "govuk-error-for";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName(AttributeName)]
    public string Key { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ModelState.FirstErrorFor(Key) is null)
        {
            return;
        }

        var classes = output.Attributes["class"]?.Value?.ToString()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (output.TagName is "input" or "textarea" or "select")
        {
            var own = classes.FirstOrDefault(c => c.StartsWith("govuk-", StringComparison.Ordinal) && !c.Contains("--"));
            if (own is not null)
            {
                output.AddClass(own + "--error", System.Text.Encodings.Web.HtmlEncoder.Default);
            }

            var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
            var errorId = FieldIds.ErrorMessageFor(Key);
            output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? errorId : $"{describedBy} {errorId}");
        }
        else
        {
            output.AddClass("govuk-form-group--error", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
    }
}
