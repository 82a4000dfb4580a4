using Tracking.Identity.Features.ManagePeople;

namespace Tracking.UnitTests.Identity;

public sealed class When_an_admin_describes_a_person
{
    [Fact]
    public void A_provider_manager_needs_a_provider()
    {
        var validation = PersonDetails.Validate("Mark Dodds", "provider-manager", null);

        validation.Errors.Keys.ShouldBe(["providerId"]);
    }

    [Fact]
    public void Nobody_else_may_have_a_provider()
    {
        PersonDetails.Validate("Helen Ward", "inspector", "northumbria-crc").Errors.Keys.ShouldBe(["providerId"]);
    }

    [Fact]
    public void An_unknown_role_and_a_missing_name_are_named()
    {
        PersonDetails.Validate("", "superuser", null).Errors.Keys.ShouldBe(["name", "role"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Jo <jo@example.org>")]
    [InlineData("")]
    public void A_malformed_email_is_named(string email)
    {
        PersonDetails.ValidateEmail(email, new()).Errors.Keys.ShouldBe(["email"]);
    }

    [Fact]
    public void A_complete_description_is_accepted()
    {
        PersonDetails.Validate("Jo Ellis", "admin", null, PersonDetails.ValidateEmail("jo@example.org", new())).IsValid.ShouldBeTrue();
    }
}
