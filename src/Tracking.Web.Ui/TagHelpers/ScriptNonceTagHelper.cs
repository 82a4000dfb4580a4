using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Tracking.Web.Ui.Security;

namespace Tracking.Web.Ui.TagHelpers;

/// <summary>Every &lt;script&gt; in a page gets this request's CSP nonce, so none is blocked and no policy needs 'unsafe-inline'.</summary>
[HtmlTargetElement("script")]
public sealed class ScriptNonceTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("nonce", ViewContext.HttpContext.GetCspNonce());
}
