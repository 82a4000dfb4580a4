using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Public.Http;

namespace Tracking.Public.Features.ViewProvider;

internal static class ViewProviderEndpoint
{
    public static RouteGroupBuilder MapViewProvider(this RouteGroupBuilder group)
    {
        group.MapGet("/providers/{providerId}", async (string providerId, PublicReads reads, HttpContext http, CancellationToken ct) =>
                await reads.Provider(providerId, ct) is { } provider
                    ? PublicAnswers.Json(http, provider.Value, provider.LastModified)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Provider not found",
                        detail: $"No inspection of provider '{providerId}' has been published."))
            .AllowAnonymous()
            .WithName("ViewPublicProvider")
            .WithSummary("A provider with its published inspections, newest first: ratings per standard and overall, and recommendation counts")
            .Produces<PublicProviderView>()
            .Produces(StatusCodes.Status304NotModified)
            .CachedForEveryone()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
