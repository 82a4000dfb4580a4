using Tracking.Identity.People;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Identity.Features.ManagePeople;

public sealed record PersonView(Guid Id, string Email, string Name,
    [property: OpenApiEnum("TrackingRole", "inspector", "provider-manager", "planner", "admin")] string Role, string? ProviderId,
    [property: OpenApiEnum(typeof(PersonStatus))] string Status, DateTime CreatedAt)
{
    public static PersonView Of(Person person) => new(Guid.Parse(person.Id), person.Email ?? "", person.Name, person.Role,
        person.ProviderId, person.Status.ToString(), person.CreatedAt);
}

/// <param name="ProviderId">Only for a provider manager: the provider they act for.</param>
public sealed record InvitePersonRequest(string? Email, string? Name,
    [property: OpenApiEnum("TrackingRole", "inspector", "provider-manager", "planner", "admin")] string? Role, [property: OpenApiOptional] string? ProviderId);

/// <param name="ProviderId">Only for a provider manager: the provider they act for.</param>
public sealed record ChangePersonRequest(string? Name,
    [property: OpenApiEnum("TrackingRole", "inspector", "provider-manager", "planner", "admin")] string? Role, [property: OpenApiOptional] string? ProviderId);

/// <param name="Email">An invited person who has not yet set their password.</param>
public sealed record ReinviteRequest(string? Email);
