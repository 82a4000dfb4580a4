using Tracking.Identity.Invitations;

namespace Tracking.UnitTests.Identity;

public sealed class When_an_invitation_is_used
{
    private static readonly DateTime Issued = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void It_works_until_72_hours_after_it_was_sent()
    {
        var (invitation, _) = Invitation.Issue("person-1", Issued);

        invitation.StateAt(Issued.AddHours(72).AddSeconds(-1)).ShouldBe(InvitationState.Open);
        invitation.StateAt(Issued.AddHours(72)).ShouldBe(InvitationState.Expired);
    }

    [Fact]
    public void It_works_once()
    {
        var (invitation, _) = Invitation.Issue("person-1", Issued);

        invitation.Use(Issued.AddHours(1)).ShouldBeTrue();

        invitation.Use(Issued.AddHours(2)).ShouldBeFalse();
        invitation.StateAt(Issued.AddHours(2)).ShouldBe(InvitationState.Used);
    }

    [Fact]
    public void An_expired_invitation_cannot_be_used()
    {
        var (invitation, _) = Invitation.Issue("person-1", Issued);

        invitation.Use(Issued.AddHours(73)).ShouldBeFalse();
        invitation.UsedAt.ShouldBeNull();
    }

    [Fact]
    public void A_withdrawn_invitation_cannot_be_used()
    {
        var (invitation, _) = Invitation.Issue("person-1", Issued);
        invitation.Withdraw(Issued.AddHours(1));

        invitation.Use(Issued.AddHours(2)).ShouldBeFalse();
        invitation.StateAt(Issued.AddHours(2)).ShouldBe(InvitationState.Withdrawn);
    }

    [Fact]
    public void Only_the_hash_of_the_code_is_kept()
    {
        var (invitation, code) = Invitation.Issue("person-1", Issued);

        invitation.CodeHash.ShouldNotContain(code);
        invitation.CodeHash.ShouldBe(Invitation.Hash(code));
        code.Length.ShouldBeGreaterThanOrEqualTo(43);
    }
}
