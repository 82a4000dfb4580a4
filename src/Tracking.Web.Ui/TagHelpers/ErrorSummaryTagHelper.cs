using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Tracking.Web.Ui.Errors;

namespace Tracking.Web.Ui.TagHelpers;

/// <summary>
/// &lt;govuk-error-summary /&gt;: the GOV.UK error summary of every ModelState error, each linking to its field
/// (errors under the empty key are about the whole form and are listed without a link). Renders nothing when valid.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>
    /// The form's keys in page order, comma-separated: ModelState lists its keys in its own order (shortest first), and
    /// the design system wants the summary in the order of the fields. Keys not named keep their order after these.
    /// </summary>
    [HtmlAttributeName("order")]
    public string? FieldOrder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var errors = ViewContext.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(error => (entry.Key, error.ErrorMessage)))
            .ToList();
        if (FieldOrder is not null)
        {
            var order = FieldOrder.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            errors = errors.OrderBy(e => order.IndexOf(e.Key) is var at and >= 0 ? at : order.Count).ToList();
        }
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var html = HtmlEncoder.Default;
        var items = string.Concat(errors.Select(e => e.Key.Length == 0
            ? $"<li>{html.Encode(e.ErrorMessage)}</li>"
            : $"<li><a href=\"#{html.Encode(FieldIds.For(e.Key))}\">{html.Encode(e.ErrorMessage)}</a></li>"));
        output.Content.SetHtmlContent(
            "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
            + "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">"
            + $"<ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div></div>");
    }
}
