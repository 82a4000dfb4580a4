using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Tracking.Web.Ui.Errors;

namespace Tracking.Web.Ui.TagHelpers;

/// <summary>&lt;govuk-error-message for="Input.Rationale" /&gt;: the field's error message as GOV.UK shows it, or nothing.</summary>
[HtmlTargetElement("govuk-error-message", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorMessageTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The ModelState key, as the page binds it ("Input.Rationale").</summary>
    public string For { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var message = ViewContext.ModelState.FirstErrorFor(For);
        if (message is null)
        {
            output.SuppressOutput();
            return;
        }

        output.Content.SetHtmlContent(
            $"<p class=\"govuk-error-message\" id=\"{FieldIds.ErrorMessageFor(For)}\">"
            + $"<span class=\"govuk-visually-hidden\">Error:</span> {HtmlEncoder.Default.Encode(message)}</p>");
    }
}
