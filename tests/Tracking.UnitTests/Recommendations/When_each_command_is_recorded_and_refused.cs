using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.Http;

namespace Tracking.UnitTests.Recommendations;

/// <summary>
/// The recommendation aggregate, command by command: the history line a person reads, the state it moves to, and
/// a refused command that leaves nothing half-done.
/// </summary>
public class When_each_command_is_recorded_and_refused
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Actor Manager = new("manager-1", "Sam Manager");
    private static readonly Actor Inspector = new("inspector-1", "Ann Inspector");

    private readonly Recommendation _recommendation = Published();

    [Fact]
    public void Each_command_writes_the_history_line_a_person_reads()
    {
        _recommendation.Respond(ResponseKind.PartlyAgreed, "Staffing.", Today.AddDays(100), Manager, Now);
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        _recommendation.AcceptResponse("A sound plan.", Inspector, Now);
        var action = _recommendation.PlanAction("Audit files", "Jo Bloggs", "jo@example.org", Today.AddDays(30), "All files", Today, Manager, Now).ActionId;
        var revision = _recommendation.RequestRevision(action, Today.AddDays(45), "Trainer ill.", Manager, Now).RevisionId;
        _recommendation.DecideRevision(revision, approve: true, "Reasonable.", Inspector, Now);
        _recommendation.CompleteAction(action, Manager, Now);
        var first = _recommendation.SubmitEvidence("Audit one.", Today, [action], [], Manager, Now).EvidenceId;
        _recommendation.ReviewEvidence(first, ReviewOutcome.MoreNeeded, "More.", null, Inspector, Now);
        var second = _recommendation.SubmitEvidence("Audit two.", Today, [], [], Manager, Now).EvidenceId;
        _recommendation.ReviewEvidence(second, ReviewOutcome.Accepted, "Sustained.", ProgressJudgement.GoodProgress, Inspector, Now);
        _recommendation.Close(ClosureKind.Implemented, "Verified.", Inspector, Now);

        _recommendation.History.Select(h => (h.Change, h.What, h.Why, h.ActorName)).ShouldBe(
        [
            ("Publish", "Published with its inspection.", null, "inspector-1"),
            ("Respond", "Responded: PartlyAgreed.", "Staffing.", "Sam Manager"),
            ("Respond", "Amended the response (version 2): Agreed.", null, "Sam Manager"),
            ("AcceptResponse", "Accepted the provider's response (version 2).", "A sound plan.", "Ann Inspector"),
            ("PlanAction", "Planned an action owned by Jo Bloggs, due 2026-04-01: Audit files", "All files", "Sam Manager"),
            ("RequestTargetDateRevision", "Asked to move an action's target date from 2026-04-01 to 2026-04-16.", "Trainer ill.", "Sam Manager"),
            ("DecideTargetDateRevision", "Approved moving the date to 2026-04-16.", "Reasonable.", "Ann Inspector"),
            ("CompleteAction", "Marked done: Audit files", null, "Sam Manager"),
            ("SubmitEvidence", "Submitted evidence effective 2026-03-02 with 0 file(s).", "Audit one.", "Sam Manager"),
            ("ReviewEvidence", "Reviewed evidence: MoreNeeded.", "More.", "Ann Inspector"),
            ("SubmitEvidence", "Submitted evidence effective 2026-03-02 with 0 file(s).", "Audit two.", "Sam Manager"),
            ("ReviewEvidence", "Reviewed evidence: Accepted, GoodProgress.", "Sustained.", "Ann Inspector"),
            ("Close", "Closed: Implemented.", "Verified.", "Ann Inspector"),
        ]);
        _recommendation.History.Select(h => h.Sequence).ShouldBe(Enumerable.Range(1, 13));
        _recommendation.Version.ShouldBe(13);
    }

    [Fact]
    public void Responding_submitting_reviewing_and_closing_move_the_status()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        _recommendation.Status.ShouldBe(RecommendationStatus.InProgress);
        var evidence = _recommendation.SubmitEvidence("Audit.", Today, [], [], Manager, Now).EvidenceId;
        _recommendation.Status.ShouldBe(RecommendationStatus.EvidenceSubmitted);
        _recommendation.ReviewEvidence(evidence, ReviewOutcome.Accepted, "Fine.", null, Inspector, Now);
        _recommendation.Status.ShouldBe(RecommendationStatus.InProgress);
        _recommendation.Close(ClosureKind.NotImplemented, "Superseded.", Inspector, Now).State.Status.ShouldBe("Closed");
        _recommendation.Status.ShouldBe(RecommendationStatus.Closed);
    }

    [Fact]
    public void The_first_target_date_given_stays_and_an_amendment_moving_it_is_refused()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        _recommendation.TargetDate.ShouldBeNull();
        _recommendation.Respond(ResponseKind.Agreed, null, Today.AddDays(100), Manager, Now);
        _recommendation.TargetDate.ShouldBe(Today.AddDays(100));

        var refusal = Should.Throw<ConflictException>(() =>
            _recommendation.Respond(ResponseKind.PartlyAgreed, "Less.", Today.AddDays(200), Manager, Now));

        refusal.Message.ShouldContain("target-date revision");
        _recommendation.TargetDate.ShouldBe(Today.AddDays(100));
        _recommendation.CurrentResponse!.Kind.ShouldBe(ResponseKind.Agreed);
    }

    [Fact]
    public void An_action_may_be_due_today_but_not_yesterday()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);

        _recommendation.PlanAction("Today", "Jo Bloggs", "jo@example.org", Today, null, Today, Manager, Now).TargetDate.ShouldBe(Today);
        Should.Throw<ArgumentOutOfRangeException>(() =>
            _recommendation.PlanAction("Yesterday", "Jo Bloggs", "jo@example.org", Today.AddDays(-1), null, Today, Manager, Now));
        _recommendation.Actions.Count.ShouldBe(1);
    }

    [Fact]
    public void Doing_a_thing_twice_is_a_conflict_that_says_so()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        _recommendation.AcceptResponse(null, Inspector, Now);
        var action = _recommendation.PlanAction("Audit files", "Jo Bloggs", "jo@example.org", Today.AddDays(30), null, Today, Manager, Now).ActionId;
        _recommendation.CompleteAction(action, Manager, Now);

        Should.Throw<ConflictException>(() => _recommendation.AcceptResponse(null, Inspector, Now)).Message
            .ShouldBe("Response version 1 is already accepted.");
        Should.Throw<ConflictException>(() => _recommendation.CompleteAction(action, Manager, Now)).Message.ShouldBe("This action is already done.");
        Should.Throw<ConflictException>(() => _recommendation.RequestRevision(action, Today.AddDays(60), "Late.", Manager, Now)).Message
            .ShouldBe("This action is done; its date no longer matters.");
        Should.Throw<ConflictException>(() => _recommendation.Respond(ResponseKind.NotAgreed, "No.", null, Manager, Now)).Message
            .ShouldBe("The inspectorate has accepted the response; it can no longer be amended.");
        _recommendation.Version.ShouldBe(5);
    }

    [Fact]
    public void A_date_is_moved_only_once_one_is_set_and_only_one_revision_at_a_time()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);

        Should.Throw<ConflictException>(() => _recommendation.RequestRevision(null, Today.AddDays(60), "Later.", Manager, Now)).Message
            .ShouldBe("The recommendation has no target date yet: give one with the response rather than asking to move it.");
        var action = _recommendation.PlanAction("Audit files", "Jo Bloggs", "jo@example.org", Today.AddDays(30), null, Today, Manager, Now).ActionId;
        _recommendation.RequestRevision(action, Today.AddDays(60), "Trainer ill.", Manager, Now);
        Should.Throw<ConflictException>(() => _recommendation.RequestRevision(action, Today.AddDays(90), "Again.", Manager, Now)).Message
            .ShouldBe("A revision of this date is already awaiting a decision.");
        Should.Throw<KeyNotFoundException>(() => _recommendation.RequestRevision(Guid.NewGuid(), Today.AddDays(60), "Which?", Manager, Now));
        _recommendation.Revisions.Count.ShouldBe(1);
    }

    [Fact]
    public void A_review_applies_to_the_evidence_named_and_evidence_must_name_known_actions()
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        var first = _recommendation.SubmitEvidence("Audit one.", Today, [], [], Manager, Now).EvidenceId;
        var second = _recommendation.SubmitEvidence("Audit two.", Today, [], [], Manager, Now).EvidenceId;

        _recommendation.ReviewEvidence(second, ReviewOutcome.Accepted, "Fine.", null, Inspector, Now);

        _recommendation.Evidence.Single(e => e.Id == second).Outcome.ShouldBe(ReviewOutcome.Accepted);
        _recommendation.Evidence.Single(e => e.Id == first).AwaitsReview.ShouldBeTrue();
        Should.Throw<ConflictException>(() => _recommendation.ReviewEvidence(second, ReviewOutcome.MoreNeeded, "x", null, Inspector, Now)).Message
            .ShouldBe("This evidence was already reviewed: Accepted.");
        var unknown = Guid.NewGuid();
        Should.Throw<KeyNotFoundException>(() => _recommendation.SubmitEvidence("Audit.", Today, [unknown], [], Manager, Now)).Message
            .ShouldBe($"There is no action {unknown} on this recommendation.");
        _recommendation.Evidence.Count.ShouldBe(2);
    }

    public static TheoryData<string> EveryChange => new(Changes.Keys);

    private static readonly Dictionary<string, Action<Recommendation, Guid, Guid, Guid>> Changes = new()
    {
        ["Respond"] = (r, _, _, _) => r.Respond(ResponseKind.Agreed, null, Today.AddDays(10), Manager, Now),
        ["AcceptResponse"] = (r, _, _, _) => r.AcceptResponse(null, Inspector, Now),
        ["PlanAction"] = (r, _, _, _) => r.PlanAction("More", "Jo Bloggs", "jo@example.org", Today.AddDays(5), null, Today, Manager, Now),
        ["CompleteAction"] = (r, action, _, _) => r.CompleteAction(action, Manager, Now),
        ["SubmitEvidence"] = (r, _, _, _) => r.SubmitEvidence("More.", Today, [], [], Manager, Now),
        ["ReviewEvidence"] = (r, _, evidence, _) => r.ReviewEvidence(evidence, ReviewOutcome.Accepted, "x", null, Inspector, Now),
        ["RequestTargetDateRevision"] = (r, action, _, _) => r.RequestRevision(action, Today.AddDays(70), "Later.", Manager, Now),
        ["DecideTargetDateRevision"] = (r, _, _, revision) => r.DecideRevision(revision, approve: true, "Fine.", Inspector, Now),
        ["Close"] = (r, _, _, _) => r.Close(ClosureKind.Implemented, "Again.", Inspector, Now),
    };

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void A_closed_recommendation_refuses_a_change_and_keeps_everything_as_it_was(string change)
    {
        _recommendation.Respond(ResponseKind.Agreed, null, null, Manager, Now);
        var action = _recommendation.PlanAction("Audit files", "Jo Bloggs", "jo@example.org", Today.AddDays(30), null, Today, Manager, Now).ActionId;
        var evidence = _recommendation.SubmitEvidence("Audit.", Today, [], [], Manager, Now).EvidenceId;
        var revision = _recommendation.RequestRevision(action, Today.AddDays(60), "Trainer ill.", Manager, Now).RevisionId;
        _recommendation.Close(ClosureKind.Implemented, "Verified.", Inspector, Now);
        var before = Snapshot(_recommendation);

        Should.Throw<ConflictException>(() => Changes[change](_recommendation, action, evidence, revision)).Message.ShouldContain("closed");

        Snapshot(_recommendation).ShouldBe(before);
    }

    private static string Snapshot(Recommendation r) => string.Join("|",
        r.Status, r.Version, r.History.Count, r.Responses.Count, r.AcceptedResponseVersion, r.TargetDate, r.ClosedAs, r.ClosureComment,
        string.Join(",", r.Actions.Select(a => $"{a.TargetDate}/{a.IsDone}")),
        string.Join(",", r.Evidence.Select(e => $"{e.Outcome}/{e.ReviewComment}")),
        string.Join(",", r.Revisions.Select(v => v.Decision)));

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
