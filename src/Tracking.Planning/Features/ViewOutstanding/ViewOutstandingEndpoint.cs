using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.ViewOutstanding;

public static class ViewOutstandingEndpoint
{
    public static RouteGroupBuilder MapViewOutstanding(this RouteGroupBuilder planning)
    {
        planning.MapGet("/outstanding", async (
                [AsParameters] OutstandingParameters parameters, string? pageSize, string? after, PlanningDbContext db, CurrentUser user,
                [FromServices] TimeProvider clock, CancellationToken ct) =>
            {
                var validation = parameters.Read(user.VisibleProviders, out var filter, out var sort);
                var size = ReadPageSize(pageSize, validation);
                OutstandingCursor? cursor = null;
                if (!string.IsNullOrWhiteSpace(after) && !OutstandingCursor.TryDecode(after, sort, out cursor))
                {
                    validation.Add("after", "Not a cursor this list handed out for this sort order: pass the nextCursor of the previous page unchanged.");
                }

                return validation.IsValid
                    ? Results.Ok(await OutstandingQuery.Page(db, filter, sort, size, cursor, clock, ct))
                    : Results.ValidationProblem(validation.Errors);
            })
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ListOutstanding")
            .WithSummary("Recommendations not yet closed, a page at a time (pageSize, after=nextCursor), filtered by provider, region, "
                + "standard, status, overdue, addressee and age, sorted by dueDate, daysOverdue or provider")
            .DescribeQuery([.. OutstandingParametersDocs.Filters, .. OutstandingParametersDocs.Paging])
            .Produces<OutstandingPage>()
            .ProducesValidationProblem();
        return planning;
    }

    /// <summary>Reads the query string as a filter; each parameter that cannot be read is named in the result.</summary>
    public static Validation ReadFilter(
        string? providerId, string? region, string? status, string? overdue, IReadOnlyList<string>? visibleProviders,
        out OutstandingFilter filter) =>
        new OutstandingParameters(providerId, region, Status: status, Overdue: overdue).Read(visibleProviders, out filter, out _);

    private static int ReadPageSize(string? text, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return OutstandingQuery.DefaultPageSize;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && size is >= 1 and <= OutstandingQuery.MaxPageSize)
        {
            return size;
        }

        validation.Add("pageSize", $"'{text}' is not a page size: use a whole number from 1 to {OutstandingQuery.MaxPageSize}.");
        return OutstandingQuery.DefaultPageSize;
    }
}
