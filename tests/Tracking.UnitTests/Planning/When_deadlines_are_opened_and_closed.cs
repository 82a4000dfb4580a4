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
/// The planning view's next due date is the earliest deadline of any kind scheduling reports open, or the state's own
/// date if earlier, whatever order and however often DeadlineScheduled arrives. Real consumers, a real SQLite
/// database in memory, MassTransit's harness, and a fake clock for "today".
/// </summary>
public sealed class When_deadlines_are_opened_and_closed : IAsyncLifetime
{
    private static readonly ProviderRef Northumbria = new("northumbria-crc", "Northumbria Community Rehabilitation Company", "North East");

    /// <summary>Monday 2 March 2020, 09:30 in London (GMT).</summary>
    private static readonly DateTimeOffset Now = new(2020, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = new(2020, 3, 2);

    /// <summary>40 England-and-Wales working days after publication on 11 February 2020.</summary>
    private static readonly DateOnly ResponseDue = new(2020, 4, 7);

    private PlanningReadModelHost _planning = null!;
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly Guid _recommendation = Guid.NewGuid();
    private readonly Guid _other = Guid.NewGuid();
    private readonly Guid _deadline = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        _planning = await PlanningReadModelHost.Start(_clock);
        await Deliver(Published(_recommendation, 1));
        await Deliver(Published(_other, 2));
    }

    [Fact]
    public async Task An_unanswered_recommendation_is_next_due_on_its_open_response_deadline()
    {
        await Deliver(Scheduled(_deadline, ResponseDue, open: true));

        (await Find(_recommendation)).NextDueOn.ShouldBe(ResponseDue);
        (await Find(_other)).NextDueOn.ShouldBeNull();
    }

    [Fact]
    public async Task The_next_due_date_is_the_earliest_open_deadline_and_moves_on_when_it_closes()
    {
        var action = Guid.NewGuid();
        var review = Guid.NewGuid();
        await Deliver(Scheduled(_deadline, ResponseDue, open: true));
        await Deliver(Scheduled(action, new DateOnly(2020, 3, 20), open: true, kind: DeadlineKind.Action));
        await Deliver(Scheduled(review, new DateOnly(2020, 5, 1), open: true, kind: DeadlineKind.EvidenceReview));
        (await Find(_recommendation)).NextDueOn.ShouldBe(new DateOnly(2020, 3, 20));

        await Deliver(Scheduled(action, new DateOnly(2020, 3, 20), open: false, kind: DeadlineKind.Action));
        (await Find(_recommendation)).NextDueOn.ShouldBe(ResponseDue);

        await Deliver(Scheduled(_deadline, ResponseDue, open: false));
        await Deliver(Scheduled(review, new DateOnly(2020, 5, 1), open: false, kind: DeadlineKind.EvidenceReview));
        (await Find(_recommendation)).NextDueOn.ShouldBeNull();
    }

    [Fact]
    public async Task A_state_date_earlier_than_every_open_deadline_stays_the_next_due_date()
    {
        await Deliver(Scheduled(_deadline, ResponseDue, open: true));
        await Deliver(Published(_recommendation, 1) with
        {
            State = OutstandingRecommendation.FirstState with { Version = 2, NextDueOn = new DateOnly(2020, 3, 10) },
        });

        (await Find(_recommendation)).NextDueOn.ShouldBe(new DateOnly(2020, 3, 10));
    }

    [Fact]
    public async Task An_overdue_recommendation_is_next_due_on_the_day_it_missed()
    {
        var past = new DateOnly(2020, 2, 20);
        await Deliver(Scheduled(_deadline, past, open: true));

        (await Find(_recommendation)).NextDueOn.ShouldBe(past);
    }

    [Fact]
    public async Task A_close_that_overtakes_its_open_and_repeated_events_leave_the_deadline_closed()
    {
        var messageId = NewId.NextGuid();
        await Deliver(Scheduled(_deadline, ResponseDue, open: false), messageId);
        await Deliver(Scheduled(_deadline, ResponseDue, open: true));
        await Deliver(Scheduled(_deadline, ResponseDue, open: false), messageId);
        await Deliver(Scheduled(_deadline, ResponseDue, open: true));

        (await Find(_recommendation)).NextDueOn.ShouldBeNull();
    }

    [Fact]
    public async Task Sorting_by_due_date_puts_the_earliest_open_deadline_first_and_rows_without_one_last()
    {
        var third = Guid.NewGuid();
        await Deliver(Published(third, 3));
        await Deliver(Scheduled(_deadline, ResponseDue, open: true));
        await Deliver(Scheduled(Guid.NewGuid(), new DateOnly(2020, 3, 31), open: true, recommendation: _other));

        var order = (await Outstanding()).Select(r => r.RecommendationId).ToList();
        order.ShouldBe([_other, _recommendation, third]);

        var page = await Read(db => OutstandingQuery.Page(
            db, new OutstandingFilter(Northumbria.Id), OutstandingSort.DueDate, 1, null, _clock, CancellationToken.None));
        page.Items.Single().RecommendationId.ShouldBe(_other);
        var cursor = OutstandingCursor.TryDecode(page.NextCursor!, OutstandingSort.DueDate, out var after) ? after : null;
        var next = await Read(db => OutstandingQuery.Page(
            db, new OutstandingFilter(Northumbria.Id), OutstandingSort.DueDate, 1, cursor, _clock, CancellationToken.None));
        next.Items.Single().RecommendationId.ShouldBe(_recommendation);
    }

    [Fact]
    public async Task A_deadline_heard_before_its_recommendation_was_published_is_kept_when_it_is()
    {
        var late = Guid.NewGuid();
        await Deliver(Scheduled(_deadline, ResponseDue, open: true, recommendation: late));
        (await Outstanding()).ShouldNotContain(r => r.RecommendationId == late);

        await Deliver(Published(late, 3));

        (await Find(late)).NextDueOn.ShouldBe(ResponseDue);
    }

    private static RecommendationPublished Published(Guid recommendation, int number) => new(
        recommendation, Guid.NewGuid(), Northumbria, number, $"Recommendation {number}.", ["Provider"], ["2.1"],
        new DateOnly(2020, 2, 11), new DateTimeOffset(2020, 2, 11, 0, 1, 0, TimeSpan.Zero), OutstandingRecommendation.FirstState);

    private DeadlineScheduled Scheduled(
        Guid deadline, DateOnly dueOn, bool open, Guid? recommendation = null, string kind = DeadlineKind.Response) =>
        new(deadline, kind, recommendation ?? _recommendation, null, null, Northumbria.Id, dueOn, open, Now);

    private Task Deliver(object message, Guid? messageId = null) => _planning.Deliver(message, messageId);

    private async Task<OutstandingRow> Find(Guid recommendation) =>
        (await Outstanding()).Single(r => r.RecommendationId == recommendation);

    private Task<List<OutstandingRow>> Outstanding(OutstandingFilter? filter = null) =>
        Read(db => OutstandingQuery.Run(db, filter ?? new OutstandingFilter(Northumbria.Id), _clock, CancellationToken.None));

    private Task<T> Read<T>(Func<PlanningDbContext, Task<T>> read) => _planning.Read(read);

    public async Task DisposeAsync() => await _planning.DisposeAsync();
}
