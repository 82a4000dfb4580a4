using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Public.Http;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Public.Features.FindProviders;

internal static class FindProvidersEndpoint
{
    public static RouteGroupBuilder MapFindProviders(this RouteGroupBuilder group)
    {
        group.MapGet("/providers", async ([AsParameters] PublicFilterParameters parameters, PublicReads reads, HttpContext http, CancellationToken ct) =>
            {
                var validation = parameters.Read(out var filter);
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                var page = await reads.Providers(filter, ct);
                return PublicAnswers.Json(http, page.Value, page.LastModified);
            })
            .AllowAnonymous()
            .WithName("FindPublicProviders")
            .WithSummary("Inspected providers, by name, with how many of their recommendations are in each public status")
            .DescribeQuery(PublicFilterParameters.Docs)
            .Produces<PublicProviderPage>()
            .Produces(StatusCodes.Status304NotModified)
            .CachedForEveryone()
            .ProducesValidationProblem();
        return group;
    }
}
