using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracking.Contracts;
using Tracking.Planning;
using Tracking.Planning.Data;
using Tracking.Planning.Features.PlanReinspection;
using Tracking.Planning.ReadModel;

namespace Tracking.UnitTests.Planning;

/// <summary>
/// A reinspection checklist lists each open recommendation's actions and evidence, kept from events alone. Duplicates
/// change nothing, and whatever order the events arrive in, "done" and "reviewed" are never undone and the newest
/// target date wins. Real consumers, a real SQLite database in memory, MassTransit's harness.
/// </summary>
public sealed class When_actions_and_evidence_reach_planning : IAsyncLifetime
{
    private static readonly ProviderRef Northumbria = new("northumbria-crc", "Northumbria Community Rehabilitation Company", "North East");
    private static readonly DateTimeOffset Now = new(2020, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly ActionDue = new(2020, 6, 30);
    private static readonly DateOnly RevisedDue = new(2020, 8, 31);

    private PlanningReadModelHost _planning = null!;
    private readonly Guid _recommendation = Guid.NewGuid();
    private readonly Guid _action = Guid.NewGuid();
    private readonly Guid _evidence = Guid.NewGuid();
    private int _version = 1;

    public async Task InitializeAsync()
    {
        _planning = await PlanningReadModelHost.Start(new FakeTimeProvider(Now));
        await Deliver(Published(_recommendation, 1));
    }

    [Fact]
    public async Task A_planned_action_appears_on_the_checklist_with_its_owner_and_date()
    {
        await Deliver(Planned("Audit 30 risk-of-harm assessments a month", Now));

        var action = (await Item()).Actions.ShouldHaveSingleItem();
        action.Description.ShouldBe("Audit 30 risk-of-harm assessments a month");
        action.OwnerName.ShouldBe("Jo Bloggs");
        action.TargetDate.ShouldBe(ActionDue);
        action.Done.ShouldBeFalse();
    }

    [Fact]
    public async Task A_redelivered_action_is_listed_once()
    {
        var messageId = NewId.NextGuid();

        await Deliver(Planned("Audit assessments", Now), messageId);
        await Deliver(Planned("Audit assessments", Now), messageId);

        (await Item()).Actions.ShouldHaveSingleItem().Description.ShouldBe("Audit assessments");
        // One event, one transaction: the recommendation row and the checklist action share a single inbox row.
        (await Read(db => db.Inbox.CountAsync(m => m.MessageId == messageId))).ShouldBe(1);
    }

    [Fact]
    public async Task A_completion_that_overtakes_its_plan_leaves_the_action_done_once_the_plan_arrives()
    {
        await Deliver(new ActionCompleted(_recommendation, Northumbria.Id, _action, "manager", Now.AddDays(10), State()));

        (await Item()).Actions.ShouldBeEmpty();

        await Deliver(Planned("Train officers in professional curiosity", Now));

        var action = (await Item()).Actions.ShouldHaveSingleItem();
        action.Done.ShouldBeTrue();
        action.Description.ShouldBe("Train officers in professional curiosity");
        action.TargetDate.ShouldBe(ActionDue);
    }

    [Fact]
    public async Task A_replayed_plan_after_completion_does_not_reopen_the_action()
    {
        await Deliver(Planned("Audit assessments", Now));
        await Deliver(new ActionCompleted(_recommendation, Northumbria.Id, _action, "manager", Now.AddDays(10), State()));

        await Deliver(Planned("Audit assessments", Now));

        (await Item()).Actions.ShouldHaveSingleItem().Done.ShouldBeTrue();
    }

    [Fact]
    public async Task An_approved_revision_of_the_action_moves_its_target_date_and_a_refused_one_does_not()
    {
        await Deliver(Planned("Audit assessments", Now));

        await Deliver(Decided(approved: false, RevisedDue.AddDays(30), Now.AddDays(5)));
        (await Item()).Actions.ShouldHaveSingleItem().TargetDate.ShouldBe(ActionDue);

        await Deliver(Decided(approved: true, RevisedDue, Now.AddDays(6)));
        (await Item()).Actions.ShouldHaveSingleItem().TargetDate.ShouldBe(RevisedDue);
    }

    [Fact]
    public async Task A_plan_arriving_after_its_approved_revision_keeps_the_revised_date()
    {
        await Deliver(Decided(approved: true, RevisedDue, Now.AddDays(6)));

        await Deliver(Planned("Audit assessments", Now));

        var action = (await Item()).Actions.ShouldHaveSingleItem();
        action.TargetDate.ShouldBe(RevisedDue);
        action.Description.ShouldBe("Audit assessments");
    }

    [Fact]
    public async Task Of_two_approved_revisions_the_later_decision_wins_whatever_order_they_arrive_in()
    {
        await Deliver(Planned("Audit assessments", Now));

        await Deliver(Decided(approved: true, RevisedDue.AddDays(30), Now.AddDays(20)));
        await Deliver(Decided(approved: true, RevisedDue, Now.AddDays(6)));

        (await Item()).Actions.ShouldHaveSingleItem().TargetDate.ShouldBe(RevisedDue.AddDays(30));
    }

    [Fact]
    public async Task Submitted_evidence_is_counted_and_awaits_review()
    {
        await Deliver(Submitted(new DateOnly(2020, 2, 28), Now, awaiting: 1));

        var evidence = (await Item()).Evidence;
        evidence.Submitted.ShouldBe(1);
        evidence.AwaitingReview.ShouldBe(1);
        evidence.LastEvidenceOn.ShouldBe(new DateOnly(2020, 2, 28));
        evidence.LastOutcome.ShouldBeNull();
    }

    [Fact]
    public async Task A_review_that_overtakes_its_submission_is_not_undone_when_the_submission_arrives()
    {
        await Deliver(Reviewed("Accepted", "GoodProgress", Now.AddDays(2)));

        await Deliver(Submitted(new DateOnly(2020, 2, 28), Now, awaiting: 1));
        await Deliver(Submitted(new DateOnly(2020, 2, 28), Now, awaiting: 1));

        var row = await Read(db => db.EvidenceItems.AsNoTracking().SingleAsync(e => e.EvidenceId == _evidence));
        row.Outcome.ShouldBe("Accepted");
        row.ProgressJudgement.ShouldBe("GoodProgress");
        row.EffectiveDate.ShouldBe(new DateOnly(2020, 2, 28));
        var evidence = (await Item()).Evidence;
        evidence.Submitted.ShouldBe(1);
        evidence.LastOutcome.ShouldBe("Accepted");
    }

    [Fact]
    public async Task An_older_review_arriving_late_does_not_replace_the_newer_outcome()
    {
        await Deliver(Submitted(new DateOnly(2020, 2, 28), Now, awaiting: 1));

        await Deliver(Reviewed("Accepted", "GoodProgress", Now.AddDays(9)));
        await Deliver(Reviewed("MoreNeeded", null, Now.AddDays(3)));

        (await Item()).Evidence.LastOutcome.ShouldBe("Accepted");
    }

    [Fact]
    public async Task The_checklist_leaves_out_closed_recommendations_and_another_providers()
    {
        var closed = Guid.NewGuid();
        var elsewhere = Guid.NewGuid();
        await Deliver(Published(closed, 2));
        await Deliver(Published(elsewhere, 1) with { Provider = new ProviderRef("durham-crc", "Durham Tees Valley CRC", "North East") });
        await Deliver(new RecommendationClosed(closed, Northumbria.Id, "Implemented", "Seen.", "inspector", Now,
            OutstandingRecommendation.FirstState with { Status = RecommendationStatuses.Closed, Version = 2, ClosedAs = "Implemented", ClosedAt = Now }));
        await Deliver(Planned("Audit assessments", Now));

        var checklist = await Read(db => Checklist.Build(db, Northumbria.Id, CancellationToken.None));

        checklist.Select(i => i.RecommendationId).ShouldBe([_recommendation]);
        checklist[0].Actions.Count.ShouldBe(1);
    }

    private RecommendationPublished Published(Guid id, int number) => new(
        id, Guid.Empty, Northumbria, number, "Analyse risks of harm in depth.", ["Provider"], ["2.1"],
        new DateOnly(2020, 2, 11), new DateTimeOffset(2020, 2, 11, 0, 1, 0, TimeSpan.Zero), OutstandingRecommendation.FirstState);

    /// <summary>The recommendation's state each event carries: a new version every time, as the recommendations service sends it.</summary>
    private RecommendationState State(int awaiting = 0, DateOnly? lastEvidenceOn = null) =>
        new(RecommendationStatuses.InProgress, ++_version, null, null, 1, awaiting, lastEvidenceOn, null, null, null);

    private ActionPlanned Planned(string description, DateTimeOffset at) => new(
        _recommendation, Northumbria.Id, _action, description, "Jo Bloggs", "jo.bloggs@example.org", ActionDue, null, "manager", at, State());

    private TargetDateRevisionDecided Decided(bool approved, DateOnly requested, DateTimeOffset at) => new(
        _recommendation, Northumbria.Id, Guid.NewGuid(), _action, approved, requested, "Decided.", "inspector", at, State());

    private EvidenceSubmitted Submitted(DateOnly effective, DateTimeOffset at, int awaiting) => new(
        _recommendation, Northumbria.Id, _evidence, [_action], 1, effective, "manager", at, State(awaiting, effective));

    private EvidenceReviewed Reviewed(string outcome, string? judgement, DateTimeOffset at) => new(
        _recommendation, Northumbria.Id, _evidence, outcome, judgement, "Reviewed.", "inspector", at, State());

    private async Task<ChecklistItem> Item() =>
        (await Read(db => Checklist.Build(db, Northumbria.Id, CancellationToken.None))).Single(i => i.RecommendationId == _recommendation);

    private Task Deliver(object message, Guid? messageId = null) => _planning.Deliver(message, messageId);

    private Task<T> Read<T>(Func<PlanningDbContext, Task<T>> read) => _planning.Read(read);

    public async Task DisposeAsync() => await _planning.DisposeAsync();
}
