using Microsoft.Extensions.Configuration;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;

namespace Tracking.UnitTests.Identity;

public sealed class When_a_role_requires_a_second_factor
{
    [Theory]
    [InlineData("inspector", true)]
    [InlineData("admin", true)]
    [InlineData("provider-manager", false)]
    [InlineData("planner", false)]
    public void By_default_inspectors_and_admins_must_set_one_up(string role, bool required)
    {
        var policy = Policy(null);

        policy.Requires(Person(role)).ShouldBe(required);
        policy.MustSetUp(Person(role), hasPasskey: false).ShouldBe(required);
    }

    [Fact]
    public void Someone_who_has_set_one_up_is_not_sent_to_set_it_up_again()
    {
        var inspector = Person("inspector");
        inspector.TwoFactorEnabled = true;

        Policy(null).Requires(inspector).ShouldBeTrue();
        Policy(null).MustSetUp(inspector, hasPasskey: false).ShouldBeFalse();
    }

    [Fact]
    public void A_passkey_counts_as_the_second_factor_and_is_what_a_password_sign_in_asks_for_next()
    {
        var inspector = Person("inspector");

        Policy(null).MustSetUp(inspector, hasPasskey: true).ShouldBeFalse("a passkey is a second factor: no authenticator app is demanded");
        Policy(null).AsksForPasskey(inspector, hasPasskey: true).ShouldBeTrue("a password alone is not enough for an inspector");
        Policy(null).AsksForPasskey(inspector, hasPasskey: false).ShouldBeFalse();
        inspector.TwoFactorEnabled = true;
        Policy(null).AsksForPasskey(inspector, hasPasskey: true).ShouldBeFalse("with an authenticator app they give its code instead");
        Policy(null).AsksForPasskey(Person("planner"), hasPasskey: true).ShouldBeFalse("a planner's password is enough");
    }

    [Fact]
    public void Demo_people_are_exempt_whatever_their_role()
    {
        var demoAdmin = Person("admin");
        demoAdmin.MfaExempt = true;

        Policy(null).MustSetUp(demoAdmin, hasPasskey: false).ShouldBeFalse();
    }

    [Fact]
    public void Configuration_names_the_roles_and_an_empty_list_requires_none()
    {
        var managersOnly = Policy(" provider-manager ,planner");
        managersOnly.MustSetUp(Person("provider-manager"), hasPasskey: false).ShouldBeTrue();
        managersOnly.MustSetUp(Person("planner"), hasPasskey: false).ShouldBeTrue();
        managersOnly.MustSetUp(Person("inspector"), hasPasskey: false).ShouldBeFalse();

        Policy("").RolesRequiringMfa.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_role_in_configuration_stops_start_up_naming_it()
    {
        Should.Throw<InvalidOperationException>(() => Policy("inspector,inspecter")).Message.ShouldContain("inspecter");
    }

    private static MfaPolicy Policy(string? roles) => MfaPolicy.From(new ConfigurationBuilder()
        .AddInMemoryCollection(roles is null ? [] : [new KeyValuePair<string, string?>(MfaPolicy.Key, roles)]).Build());

    private static Person Person(string role) => new() { Role = role, Email = $"{role}@example.org" };
}
