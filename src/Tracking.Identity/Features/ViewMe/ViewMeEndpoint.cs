using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Features.ViewMe;

/// <param name="Subject">The person's id at the authority (the token's sub).</param>
/// <param name="ProviderIds">The providers a provider manager acts for; empty for everyone else.</param>
public sealed record MeView(string Subject, string Name, string? Email, string Role, IReadOnlyList<string> ProviderIds);

/// <summary>GET /api/me: who the token says the caller is, as the API sees them (no database read).</summary>
internal static class ViewMeEndpoint
{
    public static IEndpointRouteBuilder MapViewMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext context, CurrentUser user) => new MeView(
                user.Subject, user.DisplayName, user.Email,
                context.User.FindFirst(TrackingClaims.Role)?.Value ?? "", user.ProviderIds))
            .RequireAuthorization(TrackingPolicies.SignedIn)
            .WithTags("People")
            .WithName("ViewMe")
            .WithSummary("The signed-in person: name, email, role and providers, from their token")
            .Produces<MeView>();
        return app;
    }
}
