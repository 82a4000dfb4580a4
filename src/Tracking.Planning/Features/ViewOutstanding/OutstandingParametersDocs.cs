using Microsoft.OpenApi;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.ViewOutstanding;

/// <summary>The outstanding list's query string as the OpenAPI document shows it: read as text, but these are its types.</summary>
internal static class OutstandingParametersDocs
{
    public static readonly QueryParameter[] Filters =
    [
        new("providerId", "Only this provider's recommendations."),
        new("region", "Only providers in this region, as named on the provider."),
        new("standard", "Only recommendations linked to this framework standard.", Values: [.. FrameworkStandards.All.Select(s => s.Code)]),
        new("status", "Only recommendations in this status.", Values: RecommendationStatuses.All),
        new("overdue", "true: only those with a missed deadline; false: only those without.", JsonSchemaType.Boolean),
        new("addressee", "Only recommendations addressed to this body.", Values: RecommendationAddressees.All),
        new("publishedBefore", "Published strictly before this day (yyyy-MM-dd).", Format: "date"),
        new("publishedAfter", "Published strictly after this day (yyyy-MM-dd).", Format: "date"),
        new("minAgeDays", "Published at least this many days ago.", JsonSchemaType.Integer, Minimum: 0, Maximum: 36_500),
        new("sort", "dueDate (default): next deadline first; daysOverdue: most overdue first; provider: by provider name.",
            Values: OutstandingSorts.Names),
    ];

    public static readonly QueryParameter[] Paging =
    [
        new("pageSize", $"Rows per page (default {OutstandingQuery.DefaultPageSize}).", JsonSchemaType.Integer,
            Minimum: 1, Maximum: OutstandingQuery.MaxPageSize),
        new("after", "The nextCursor of the previous page, unchanged; leave out for the first page."),
    ];
}
