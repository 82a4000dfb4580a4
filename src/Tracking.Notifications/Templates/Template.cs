using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Tracking.Notifications.Templates;

/// <summary>
/// Fills ((placeholders)) as GOV.UK Notify does, and renders the plain text as simple HTML: paragraphs on blank lines,
/// links clickable, every value escaped. A placeholder with no value is a bug in a rule, so it throws.
/// </summary>
public static partial class Template
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The template needs (({m.Groups[1].Value})), which was not given."));

    public static string Html(string subject, string text)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject))
            .Append("</title></head><body style=\"font-family: arial, sans-serif; font-size: 19px; line-height: 1.3; color: #0b0c0c\">");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var encoded = WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>");
            html.Append("<p>").Append(Link().Replace(encoded, m => $"<a href=\"{m.Value}\">{m.Value}</a>")).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"\(\(([a-z_]+)\)\)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
