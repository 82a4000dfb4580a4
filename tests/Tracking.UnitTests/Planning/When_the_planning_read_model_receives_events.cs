using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracking.Contracts;
using Tracking.Planning;
using Tracking.Planning.Data;
using Tracking.Planning.Features.ViewOutstanding;
using Tracking.Planning.ReadModel;

namespace Tracking.UnitTests.Planning;

/// <summary>
/// The planning read model follows the state each event carries, keeping the newest version, whatever order
/// and however often the events arrive. Real consumers, a real SQLite database in memory, MassTransit's harness.
/// </summary>
public sealed class When_the_planning_read_model_receives_events : IAsyncLifetime
{
    private static readonly ProviderRef Northumbria = new("northumbria-crc", "Northumbria Community Rehabilitation Company", "North East");
    private static readonly DateTimeOffset Now = new(2020, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly TargetDate = new(2020, 9, 30);
    private static readonly DateOnly ActionDue = new(2020, 6, 30);
    private static readonly Guid ActionId = Guid.NewGuid();
    private static readonly Guid EvidenceId = Guid.NewGuid();
    private static readonly Guid RevisionId = Guid.NewGuid();

    private static readonly RecommendationState Responded =
        new(RecommendationStatuses.InProgress, 2, TargetDate, TargetDate, 0, 0, null, null, null, null);

    private PlanningReadModelHost _planning = null!;
    private readonly Guid _recommendation = Guid.NewGuid();

    public static TheoryData<string> LifecycleEvents() =>
    [
        nameof(ProviderResponded), nameof(ResponseAccepted), nameof(ActionPlanned), nameof(ActionCompleted),
        nameof(EvidenceSubmitted), nameof(EvidenceReviewed), nameof(TargetDateRevisionRequested),
        nameof(TargetDateRevisionDecided), nameof(RecommendationClosed),
    ];

    public async Task InitializeAsync()
    {
        _planning = await PlanningReadModelHost.Start(new FakeTimeProvider(Now));
    }

    [Theory]
    [MemberData(nameof(LifecycleEvents))]
    public async Task Each_lifecycle_event_moves_the_row_to_the_state_it_carries(string eventName)
    {
        await Deliver(Published());
        var (message, state) = LifecycleEvent(eventName);

        await Deliver(message);

        var row = await Row();
        StateOf(row).ShouldBe(state);
        row.Number.ShouldBe(1);
        row.Text.ShouldBe("Analyse risks of harm in depth.");
    }

    [Fact]
    public async Task A_duplicate_delivery_changes_nothing()
    {
        await Deliver(Published());
        var messageId = NewId.NextGuid();

        await Deliver(new ProviderResponded(_recommendation, Northumbria.Id, 1, "Agreed", null, "manager", Now, Responded), messageId);
        await Deliver(new ProviderResponded(_recommendation, Northumbria.Id, 1, "Agreed", null, "manager", Now, Responded), messageId);

        StateOf(await Row()).ShouldBe(Responded);
        (await Read(db => db.Inbox.CountAsync(m => m.MessageId == messageId))).ShouldBe(1);
    }

    [Fact]
    public async Task An_older_event_arriving_after_a_newer_one_changes_nothing()
    {
        await Deliver(Published());
        var closed = Responded with
        {
            Status = RecommendationStatuses.Closed, Version = 3, NextDueOn = null, ClosedAs = "Implemented", ClosedAt = Now,
        };
        await Deliver(new RecommendationClosed(_recommendation, Northumbria.Id, "Implemented", "seen", "inspector", Now, closed));

        await Deliver(new ProviderResponded(_recommendation, Northumbria.Id, 1, "Agreed", null, "manager", Now.AddDays(-1), Responded));
        await Deliver(Published());

        var row = await Row();
        StateOf(row).ShouldBe(closed);
        row.Text.ShouldBe("Analyse risks of harm in depth.");
    }

    [Fact]
    public async Task An_event_that_overtakes_its_publication_is_kept_out_of_sight_until_publication_fills_it_in()
    {
        var other = Guid.NewGuid();
        await Deliver(Published() with { RecommendationId = other, Number = 2 });

        await Deliver(new ProviderResponded(_recommendation, Northumbria.Id, 1, "Agreed", null, "manager", Now, Responded));

        (await Row()).AwaitingPublication.ShouldBeTrue();
        (await Outstanding()).Select(r => r.RecommendationId).ShouldBe([other]);

        await Deliver(Published());

        var row = await Row();
        row.AwaitingPublication.ShouldBeFalse();
        row.Number.ShouldBe(1);
        StateOf(row).ShouldBe(Responded);
        (await Outstanding()).Select(r => r.RecommendationId).ShouldBe([_recommendation, other]);
    }

    [Fact]
    public async Task Closed_rows_drop_out_of_outstanding_and_are_listed_under_status_closed()
    {
        var other = Guid.NewGuid();
        await Deliver(Published());
        await Deliver(Published() with { RecommendationId = other, Number = 2 });

        await Deliver(LifecycleEvent(nameof(RecommendationClosed)).Message);

        var outstanding = await Outstanding();
        outstanding.Select(r => r.RecommendationId).ShouldBe([other]);
        outstanding[0].Status.ShouldBe(RecommendationStatuses.AwaitingResponse);
        var closed = await Outstanding(RecommendationStatuses.Closed);
        closed.Select(r => r.RecommendationId).ShouldBe([_recommendation]);
        closed[0].ClosedAs.ShouldBe("Implemented");
        (await Outstanding(RecommendationStatuses.InProgress)).ShouldBeEmpty();
    }

    [Fact]
    public void A_state_is_taken_only_when_it_is_newer_than_the_one_held()
    {
        var row = new OutstandingRecommendation { RecommendationId = _recommendation };

        row.Apply(Responded).ShouldBeTrue();
        row.Apply(Responded with { OpenActions = 5 }).ShouldBeFalse();
        row.Apply(OutstandingRecommendation.FirstState).ShouldBeFalse();

        StateOf(row).ShouldBe(Responded);
        row.Apply(Responded with { Version = 3, OpenActions = 1 }).ShouldBeTrue();
        row.OpenActions.ShouldBe(1);
    }

    [Fact]
    public void A_publication_from_an_older_producer_without_a_state_starts_at_version_one_awaiting_response()
    {
        var row = new OutstandingRecommendation { RecommendationId = _recommendation };

        row.Describe(Published() with { State = null });

        row.Version.ShouldBe(1);
        row.Status.ShouldBe(RecommendationStatuses.AwaitingResponse);
        row.Number.ShouldBe(1);
        row.LinkedStandards.ShouldBe(["2.1"]);
    }

    private RecommendationPublished Published() => new(
        _recommendation, Guid.NewGuid(), Northumbria, 1, "Analyse risks of harm in depth.", ["Provider"], ["2.1"],
        new DateOnly(2020, 2, 11), new DateTimeOffset(2020, 2, 11, 0, 1, 0, TimeSpan.Zero), OutstandingRecommendation.FirstState);

    /// <summary>Each lifecycle event as the recommendations service would raise it next after publication (version 2).</summary>
    private (object Message, RecommendationState State) LifecycleEvent(string name)
    {
        var id = _recommendation;
        var provider = Northumbria.Id;
        var planned = Responded with { NextDueOn = ActionDue, OpenActions = 1 };
        var submitted = Responded with { Status = RecommendationStatuses.EvidenceSubmitted, EvidenceAwaitingReview = 1, LastEvidenceOn = new DateOnly(2020, 2, 28) };
        var reviewed = Responded with { LastEvidenceOn = new DateOnly(2020, 2, 28), LastProgressJudgement = "GoodProgress" };
        var revised = Responded with { TargetDate = new DateOnly(2020, 12, 31), NextDueOn = new DateOnly(2020, 12, 31) };
        var closed = Responded with { Status = RecommendationStatuses.Closed, NextDueOn = null, ClosedAs = "Implemented", ClosedAt = Now };
        return name switch
        {
            nameof(ProviderResponded) => (new ProviderResponded(id, provider, 1, "Agreed", null, "manager", Now, Responded), Responded),
            nameof(ResponseAccepted) => (new ResponseAccepted(id, provider, 1, "Credible.", "inspector", Now, Responded), Responded),
            nameof(ActionPlanned) => (new ActionPlanned(id, provider, ActionId, "Audit risk assessments", "A Manager", "a.manager@example.org",
                ActionDue, null, "manager", Now, planned), planned),
            nameof(ActionCompleted) => (new ActionCompleted(id, provider, ActionId, "manager", Now, Responded), Responded),
            nameof(EvidenceSubmitted) => (new EvidenceSubmitted(id, provider, EvidenceId, [ActionId], 1, new DateOnly(2020, 2, 28), "manager", Now,
                submitted), submitted),
            nameof(EvidenceReviewed) => (new EvidenceReviewed(id, provider, EvidenceId, "Accepted", "GoodProgress", "Convincing.", "inspector", Now,
                reviewed), reviewed),
            nameof(TargetDateRevisionRequested) => (new TargetDateRevisionRequested(id, provider, RevisionId, null, TargetDate,
                new DateOnly(2020, 12, 31), "Staffing.", "manager", Now, Responded), Responded),
            nameof(TargetDateRevisionDecided) => (new TargetDateRevisionDecided(id, provider, RevisionId, null, true, new DateOnly(2020, 12, 31),
                "Reasonable.", "inspector", Now, revised), revised),
            nameof(RecommendationClosed) => (new RecommendationClosed(id, provider, "Implemented", "Seen.", "inspector", Now, closed), closed),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private Task Deliver(object message, Guid? messageId = null) => _planning.Deliver(message, messageId);

    private Task<OutstandingRecommendation> Row() =>
        Read(db => db.Outstanding.AsNoTracking().SingleAsync(r => r.RecommendationId == _recommendation));

    private Task<List<OutstandingRow>> Outstanding(string? status = null) =>
        Read(db => OutstandingQuery.Run(db, new OutstandingFilter(Northumbria.Id, Status: status), TimeProvider.System, CancellationToken.None));

    private Task<T> Read<T>(Func<PlanningDbContext, Task<T>> read) => _planning.Read(read);

    private static RecommendationState StateOf(OutstandingRecommendation row) => new(
        row.Status, row.Version, row.TargetDate, row.NextDueOn, row.OpenActions, row.EvidenceAwaitingReview, row.LastEvidenceOn,
        row.LastProgressJudgement, row.ClosedAs, row.ClosedAt is { } closedAt ? new DateTimeOffset(closedAt, TimeSpan.Zero) : null);

    public async Task DisposeAsync() => await _planning.DisposeAsync();
}
