using OpenIddict.Abstractions;
using Tracking.Identity.Connect;
using Tracking.Identity.People;

namespace Tracking.UnitTests.Identity;

public sealed class When_a_person_is_put_into_tokens
{
    private static readonly string[] PortalScopes = ["openid", "profile", "email", "roles", "offline_access", "tracking-api"];

    [Fact]
    public void A_provider_manager_carries_the_claims_the_api_reads()
    {
        var person = new Person { Id = "p-1", Email = "mark@example.org", Name = "Mark Dodds", Role = "provider-manager", ProviderId = "northumbria-crc" };

        var principal = PersonClaims.For(person, PortalScopes, "tracking-api");

        principal.FindFirst("sub")!.Value.ShouldBe("p-1");
        principal.FindFirst("name")!.Value.ShouldBe("Mark Dodds");
        principal.FindFirst("email")!.Value.ShouldBe("mark@example.org");
        principal.FindFirst("role")!.Value.ShouldBe("provider-manager");
        principal.FindFirst("provider_id")!.Value.ShouldBe("northumbria-crc");
        principal.IsInRole("provider-manager").ShouldBeTrue();
        principal.GetResources().ShouldBe(["tracking-api"]);
    }

    [Fact]
    public void Only_a_provider_manager_carries_a_provider()
    {
        var person = new Person { Id = "p-2", Email = "helen@example.org", Name = "Helen Ward", Role = "inspector", ProviderId = "left-over" };

        var principal = PersonClaims.For(person, PortalScopes, "tracking-api");

        principal.FindFirst("provider_id").ShouldBeNull();
    }

    [Fact]
    public void Without_the_api_scope_the_token_has_no_api_audience()
    {
        var person = new Person { Id = "p-3", Email = "sara@example.org", Name = "Sara Khan", Role = "planner" };

        var principal = PersonClaims.For(person, ["openid", "profile"], "tracking-api");

        principal.GetResources().ShouldBeEmpty();
    }

    [Fact]
    public void Who_they_are_goes_into_both_the_access_and_the_id_token()
    {
        var person = new Person { Id = "p-4", Email = "jo@example.org", Name = "Jo Ellis", Role = "admin" };

        var principal = PersonClaims.For(person, PortalScopes, "tracking-api");

        foreach (var type in new[] { "sub", "name", "email", "role" })
        {
            principal.FindFirst(type)!.GetDestinations().ShouldBe(["access_token", "id_token"], ignoreOrder: true);
        }
    }
}
