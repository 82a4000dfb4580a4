using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.Http;
using static Tracking.Recommendations.Domain.LifecycleCommand;
using static Tracking.Recommendations.Domain.RecommendationStatus;

namespace Tracking.UnitTests.Recommendations;

public class When_a_recommendation_moves_through_its_lifecycle
{
    private static readonly RecommendationStatus? Conflict = null;

    // Written out by hand so that any change to the production table has to be made here too.
    private static readonly LifecycleCommand[] Columns =
        [Publish, Respond, AcceptResponse, PlanAction, CompleteAction, SubmitEvidence, ReviewEvidence, RequestTargetDateRevision, DecideTargetDateRevision, Close];

    private static readonly Dictionary<RecommendationStatus, RecommendationStatus?[]> Expected = new()
    {
        //                     Publish           Respond            AcceptResponse     PlanAction         CompleteAction     SubmitEvidence     ReviewEvidence RequestRevision    DecideRevision     Close
        [Draft] =             [AwaitingResponse, Conflict,          Conflict,          Conflict,          Conflict,          Conflict,          Conflict,      Conflict,          Conflict,          Conflict],
        [AwaitingResponse] =  [Conflict,         InProgress,        Conflict,          Conflict,          Conflict,          Conflict,          Conflict,      AwaitingResponse,  AwaitingResponse,  Closed],
        [InProgress] =        [Conflict,         InProgress,        InProgress,        InProgress,        InProgress,        EvidenceSubmitted, Conflict,      InProgress,        InProgress,        Closed],
        [EvidenceSubmitted] = [Conflict,         EvidenceSubmitted, EvidenceSubmitted, EvidenceSubmitted, EvidenceSubmitted, EvidenceSubmitted, InProgress,    EvidenceSubmitted, EvidenceSubmitted, Closed],
        [Closed] =            [Conflict,         Conflict,          Conflict,          Conflict,          Conflict,          Conflict,          Conflict,      Conflict,          Conflict,          Conflict],
    };

    public static TheoryData<RecommendationStatus, LifecycleCommand> AllowedCommands => Pairs(allowed: true);

    public static TheoryData<RecommendationStatus, LifecycleCommand> ForbiddenCommands => Pairs(allowed: false);

    public static TheoryData<LifecycleCommand> EveryCommand => new(Enum.GetValues<LifecycleCommand>());

    [Fact]
    public void The_expected_table_covers_every_state_and_every_command()
    {
        Expected.Keys.ShouldBe(Enum.GetValues<RecommendationStatus>(), ignoreOrder: true);
        Columns.ShouldBe(Enum.GetValues<LifecycleCommand>(), ignoreOrder: true);
        Expected.Values.ShouldAllBe(row => row.Length == Columns.Length);
        (AllowedCommands.Count() + ForbiddenCommands.Count()).ShouldBe(
            Enum.GetValues<RecommendationStatus>().Length * Enum.GetValues<LifecycleCommand>().Length);
    }

    [Theory]
    [MemberData(nameof(AllowedCommands))]
    public void An_allowed_command_leads_to_the_expected_state(RecommendationStatus from, LifecycleCommand command)
    {
        RecommendationLifecycle.Allows(from, command).ShouldBeTrue();
        Should.NotThrow(() => RecommendationLifecycle.EnsureAllowed(from, command));
        RecommendationLifecycle.After(from, command).ShouldBe(ExpectedAfter(from, command)!.Value);
    }

    [Theory]
    [MemberData(nameof(ForbiddenCommands))]
    public void A_forbidden_command_is_a_conflict_with_a_reason_a_person_understands(RecommendationStatus from, LifecycleCommand command)
    {
        RecommendationLifecycle.Allows(from, command).ShouldBeFalse();
        var refused = Should.Throw<ConflictException>(() => RecommendationLifecycle.EnsureAllowed(from, command));
        Should.Throw<ConflictException>(() => RecommendationLifecycle.After(from, command)).Message.ShouldBe(refused.Message);
        Should.Throw<ConflictException>(() => RecommendationLifecycle.After(from, command, evidenceStillAwaitingReview: true));
        refused.Message.ShouldNotContain("is not allowed while", customMessage: "every forbidden pair deserves a specific reason");
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void A_closed_recommendation_refuses_every_command_saying_it_is_closed(LifecycleCommand command)
    {
        Should.Throw<ConflictException>(() => RecommendationLifecycle.EnsureAllowed(Closed, command))
            .Message.ShouldContain("closed", Case.Insensitive);
    }

    [Fact]
    public void Reviewing_one_submission_while_another_still_waits_keeps_the_evidence_submitted()
    {
        RecommendationLifecycle.After(EvidenceSubmitted, ReviewEvidence, evidenceStillAwaitingReview: true).ShouldBe(EvidenceSubmitted);
        RecommendationLifecycle.After(EvidenceSubmitted, ReviewEvidence, evidenceStillAwaitingReview: false).ShouldBe(InProgress);
    }

    [Theory]
    [MemberData(nameof(AllowedCommands))]
    public void Evidence_still_awaiting_review_matters_only_to_a_review(RecommendationStatus from, LifecycleCommand command)
    {
        // A review that leaves another submission waiting keeps the evidence submitted; every other command ignores the flag.
        var expected = command == ReviewEvidence ? EvidenceSubmitted : ExpectedAfter(from, command)!.Value;

        RecommendationLifecycle.After(from, command, evidenceStillAwaitingReview: true).ShouldBe(expected);
    }

    [Fact]
    public void Planning_actions_before_responding_is_refused_with_what_to_do_first()
    {
        Should.Throw<ConflictException>(() => RecommendationLifecycle.EnsureAllowed(AwaitingResponse, PlanAction))
            .Message.ShouldBe("Respond to the recommendation before planning actions.");
    }

    [Theory]
    [InlineData(AwaitingResponse)]
    [InlineData(InProgress)]
    [InlineData(EvidenceSubmitted)]
    public void Publishing_again_is_refused_as_already_published(RecommendationStatus from)
    {
        Should.Throw<ConflictException>(() => RecommendationLifecycle.EnsureAllowed(from, Publish))
            .Message.ShouldContain("already published");
    }

    private static RecommendationStatus? ExpectedAfter(RecommendationStatus from, LifecycleCommand command) =>
        Expected[from][Array.IndexOf(Columns, command)];

    private static TheoryData<RecommendationStatus, LifecycleCommand> Pairs(bool allowed)
    {
        var data = new TheoryData<RecommendationStatus, LifecycleCommand>();
        foreach (var from in Enum.GetValues<RecommendationStatus>())
        {
            foreach (var command in Enum.GetValues<LifecycleCommand>())
            {
                if (ExpectedAfter(from, command).HasValue == allowed)
                {
                    data.Add(from, command);
                }
            }
        }

        return data;
    }
}
