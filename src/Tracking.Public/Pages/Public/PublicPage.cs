using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Public.Features;
using Tracking.Public.ReadModel;

namespace Tracking.Public.Pages.Public;

/// <summary>
/// What every public page shares: the reads (absent when this process does not host the public role, so the page is a
/// 404 there rather than an error) and the words for statuses and ratings.
/// </summary>
public abstract class PublicPage : PageModel
{
    protected PublicReads? Reads => HttpContext.RequestServices.GetService<PublicReads>();

    protected IActionResult Missing() => NotFound();

    public static string StatusTagClass(PublicStatus status) => status switch
    {
        PublicStatus.Published => "govuk-tag govuk-tag--grey",
        PublicStatus.Responded => "govuk-tag govuk-tag--blue",
        PublicStatus.InProgress => "govuk-tag govuk-tag--yellow",
        PublicStatus.ClosedImplemented => "govuk-tag govuk-tag--green",
        PublicStatus.ClosedNotImplemented => "govuk-tag govuk-tag--red",
        _ => "govuk-tag",
    };

    public static string Rating(string rating) => PublicVocabulary.DescribeRating(rating);

    public static string ResponseWords(string? response) => PublicVocabulary.DescribeResponse(response);

    public static string Judgement(string? judgement) => PublicVocabulary.DescribeJudgement(judgement);

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => Day(UkCalendar.Today(at));
}
