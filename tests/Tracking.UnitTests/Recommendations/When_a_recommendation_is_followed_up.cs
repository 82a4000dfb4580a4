using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.Http;

namespace Tracking.UnitTests.Recommendations;

/// <summary>The recommendation aggregate on its own: what each command changes, records and reports.</summary>
public class When_a_recommendation_is_followed_up
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Actor Manager = new("manager-1", "Sam Manager");
    private static readonly Actor Inspector = new("inspector-1", "Ann Inspector");

    private readonly Recommendation _recommendation = Published();

    [Fact]
    public void Every_change_appends_one_history_line_and_raises_the_next_version()
    {
        var responded = _recommendation.Respond(ResponseKind.Agreed, null, Today.AddDays(100), Manager, Now);
        var planned = _recommendation.PlanAction("Audit assessments", "Jo Bloggs", "jo@example.org", Today.AddDays(30), null, Today, Manager, Now);

        responded.State.Version.ShouldBe(2);
        planned.State.Version.ShouldBe(3);
        _recommendation.History.Select(h => (h.Sequence, h.Change, h.ActorSubject))
            .ShouldBe([(1, "Publish", "inspector-1"), (2, "Respond", "manager-1"), (3, "PlanAction", "manager-1")]);
        planned.State.NextDueOn.ShouldBe(Today.AddDays(30));
        planned.State.OpenActions.ShouldBe(1);
    }

    [Fact]
    public void A_response_cannot_be_amended_once_accepted()
    {
        _recommendation.Respond(ResponseKind.PartlyAgreed, "Staffing.", null, Manager, Now);
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        _recommendation.AcceptResponse("Fine.", Inspector, Now);

        Should.Throw<ConflictException>(() => _recommendation.Respond(ResponseKind.NotAgreed, "No.", null, Manager, Now));
        _recommendation.Responses.Select(r => (r.Version, r.Kind)).ShouldBe([(1, ResponseKind.PartlyAgreed), (2, ResponseKind.Agreed)]);
        _recommendation.AcceptedResponseVersion.ShouldBe(2);
    }

    [Fact]
    public void Reviewing_one_submission_while_another_waits_keeps_the_recommendation_awaiting_review()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        var first = _recommendation.SubmitEvidence("Audit one.", Today, [], [], Manager, Now);
        _recommendation.SubmitEvidence("Audit two.", Today, [], [], Manager, Now);

        var reviewed = _recommendation.ReviewEvidence(first.EvidenceId, ReviewOutcome.MoreNeeded, "More.", ProgressJudgement.InsufficientProgress, Inspector, Now);

        _recommendation.Status.ShouldBe(RecommendationStatus.EvidenceSubmitted);
        reviewed.State.EvidenceAwaitingReview.ShouldBe(1);
        reviewed.State.LastProgressJudgement.ShouldBe("InsufficientProgress");
        Should.Throw<ConflictException>(() => _recommendation.ReviewEvidence(first.EvidenceId, ReviewOutcome.Accepted, "x", null, Inspector, Now));
    }

    [Fact]
    public void A_date_moves_only_when_the_revision_is_approved()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        var action = _recommendation.PlanAction("Train staff", "Jo Bloggs", "jo@example.org", Today.AddDays(30), null, Today, Manager, Now).ActionId;

        var refused = _recommendation.RequestRevision(action, Today.AddDays(60), "Trainer ill.", Manager, Now);
        _recommendation.Actions.Single().TargetDate.ShouldBe(Today.AddDays(30));
        Should.Throw<ConflictException>(() => _recommendation.RequestRevision(action, Today.AddDays(90), "Again.", Manager, Now));
        _recommendation.DecideRevision(refused.RevisionId, approve: false, "Find another trainer.", Inspector, Now);
        _recommendation.Actions.Single().TargetDate.ShouldBe(Today.AddDays(30));

        var approved = _recommendation.RequestRevision(action, Today.AddDays(45), "Venue closed.", Manager, Now);
        var decided = _recommendation.DecideRevision(approved.RevisionId, approve: true, "Reasonable.", Inspector, Now);

        _recommendation.Actions.Single().TargetDate.ShouldBe(Today.AddDays(45));
        decided.State.NextDueOn.ShouldBe(Today.AddDays(45));
        Should.Throw<ConflictException>(() => _recommendation.DecideRevision(approved.RevisionId, approve: false, "Changed my mind.", Inspector, Now));
    }

    [Fact]
    public void A_revision_for_an_action_done_in_the_meantime_cannot_be_approved_only_refused()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        var action = _recommendation.PlanAction("Train staff", "Jo Bloggs", "jo@example.org", Today.AddDays(30), null, Today, Manager, Now).ActionId;
        var revision = _recommendation.RequestRevision(action, Today.AddDays(60), "Trainer ill.", Manager, Now).RevisionId;
        _recommendation.CompleteAction(action, Manager, Now);

        Should.Throw<ConflictException>(() => _recommendation.DecideRevision(revision, approve: true, "Fine.", Inspector, Now));
        _recommendation.Actions.Single().TargetDate.ShouldBe(Today.AddDays(30));
        _recommendation.DecideRevision(revision, approve: false, "Action already done.", Inspector, Now);
        _recommendation.Revisions.Single().Decision.ShouldBe(RevisionDecision.Refused);
    }

    [Fact]
    public void Unknown_actions_and_evidence_are_not_found_and_change_nothing()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        var version = _recommendation.Version;

        Should.Throw<KeyNotFoundException>(() => _recommendation.CompleteAction(Guid.NewGuid(), Manager, Now));
        Should.Throw<KeyNotFoundException>(() => _recommendation.SubmitEvidence("x", Today, [Guid.NewGuid()], [], Manager, Now));
        Should.Throw<KeyNotFoundException>(() => _recommendation.ReviewEvidence(Guid.NewGuid(), ReviewOutcome.Accepted, "x", null, Inspector, Now));

        _recommendation.Version.ShouldBe(version);
        _recommendation.Evidence.ShouldBeEmpty();
    }

    [Fact]
    public void Closing_is_final_and_clears_the_next_due_date()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, Today.AddDays(10), Manager, Now);

        var closed = _recommendation.Close(ClosureKind.Implemented, "Verified.", Inspector, Now);

        closed.State.Status.ShouldBe("Closed");
        closed.State.NextDueOn.ShouldBeNull();
        closed.State.ClosedAs.ShouldBe("Implemented");
        Should.Throw<ConflictException>(() => _recommendation.PlanAction("x", "y", "y@example.org", Today, null, Today, Manager, Now))
            .Message.ShouldContain("closed");
    }

    private static Recommendation Published()
    {
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            ProviderId = "northumbria-crc",
            ProviderName = "Northumbria CRC",
            Region = "North East",
            Title = "Inspection",
            OverallRating = Rating.RequiresImprovement,
            Standards = InspectionFramework.Standards.Select(s => new InspectionStandard { Code = s.Code, Rating = Rating.Good }).ToList(),
            Recommendations = [new Recommendation { Id = Guid.NewGuid(), ProviderId = "northumbria-crc", Number = 1, Text = "Do better." }],
        };
        inspection.Publish(new DateOnly(2020, 2, 11), Now, Inspector.Subject);
        return inspection.Recommendations[0];
    }
}
