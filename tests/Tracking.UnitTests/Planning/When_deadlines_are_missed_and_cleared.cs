using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracking.Contracts;
using Tracking.Planning;
using Tracking.Planning.Data;
using Tracking.Planning.Features.ViewOutstanding;
using Tracking.Planning.Features.ViewProviderSummary;
using Tracking.Planning.ReadModel;

namespace Tracking.UnitTests.Planning;

/// <summary>
/// The planning view counts a recommendation overdue while one of its missed deadlines is not cleared and it is not
/// closed, whatever order and however often DeadlineMissed and DeadlineCleared arrive. Real consumers, a real SQLite
/// database in memory, MassTransit's harness, and a fake clock for "today".
/// </summary>
public sealed class When_deadlines_are_missed_and_cleared : IAsyncLifetime
{
    private static readonly ProviderRef Northumbria = new("northumbria-crc", "Northumbria Community Rehabilitation Company", "North East");

    /// <summary>Monday 2 March 2020, 09:30 in London (GMT).</summary>
    private static readonly DateTimeOffset Now = new(2020, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = new(2020, 3, 2);

    /// <summary>The response deadline: 40 working days after publication on 11 February 2020 would be later; any past day will do.</summary>
    private static readonly DateOnly ResponseDue = new(2020, 2, 20);

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
    public async Task A_missed_deadline_makes_the_recommendation_overdue_by_whole_days_since_its_due_day()
    {
        await Deliver(Missed(_deadline, ResponseDue));

        var row = await Find(_recommendation);
        row.Overdue.ShouldBeTrue();
        row.DaysOverdue.ShouldBe(Today.DayNumber - ResponseDue.DayNumber);
        row.DaysOverdue.ShouldBe(11);
        row.Escalated.ShouldBeFalse();
        var other = await Find(_other);
        other.Overdue.ShouldBeFalse();
        other.DaysOverdue.ShouldBe(0);
    }

    [Fact]
    public async Task Days_overdue_count_to_today_in_London_not_in_UTC()
    {
        var due = new DateOnly(2020, 6, 29);
        await Deliver(Missed(_deadline, due));

        // 23:30 UTC on 30 June is already 1 July in London (BST).
        _clock.SetUtcNow(new DateTimeOffset(2020, 6, 30, 23, 30, 0, TimeSpan.Zero));
        (await Find(_recommendation)).DaysOverdue.ShouldBe(2);

        // 23:30 UTC on 30 December is still 30 December in London (GMT).
        _clock.SetUtcNow(new DateTimeOffset(2020, 12, 30, 23, 30, 0, TimeSpan.Zero));
        (await Find(_recommendation)).DaysOverdue.ShouldBe(new DateOnly(2020, 12, 30).DayNumber - due.DayNumber);
    }

    [Fact]
    public async Task Days_overdue_run_from_the_earliest_missed_deadline_not_yet_cleared()
    {
        var earlier = Guid.NewGuid();
        await Deliver(Missed(earlier, new DateOnly(2020, 2, 1)));
        await Deliver(Missed(_deadline, ResponseDue, kind: DeadlineKind.Action));

        (await Find(_recommendation)).DaysOverdue.ShouldBe(30);

        await Deliver(Cleared(earlier));

        var row = await Find(_recommendation);
        row.Overdue.ShouldBeTrue();
        row.DaysOverdue.ShouldBe(11);
    }

    [Fact]
    public async Task A_duplicate_missed_event_changes_nothing()
    {
        var messageId = NewId.NextGuid();
        await Deliver(Missed(_deadline, ResponseDue), messageId);
        var before = await Deadline();

        await Deliver(Missed(_deadline, ResponseDue), messageId);
        await Deliver(Missed(_deadline, ResponseDue));

        (await Deadline()).ShouldBeEquivalentTo(before);
        (await Read(db => db.MissedDeadlines.CountAsync())).ShouldBe(1);
        var row = await Find(_recommendation);
        row.Overdue.ShouldBeTrue();
        row.DaysOverdue.ShouldBe(11);
        row.Escalated.ShouldBeFalse();
    }

    [Fact]
    public async Task An_escalation_flags_the_row_escalated_in_either_order()
    {
        await Deliver(Missed(_deadline, ResponseDue));
        await Deliver(Missed(_deadline, ResponseDue, escalation: 1));

        (await Find(_recommendation)).Escalated.ShouldBeTrue();

        var second = Guid.NewGuid();
        await Deliver(Missed(second, ResponseDue, recommendation: _other, escalation: 1));
        await Deliver(Missed(second, ResponseDue, recommendation: _other));

        var other = await Find(_other);
        other.Overdue.ShouldBeTrue();
        other.Escalated.ShouldBeTrue();
    }

    [Fact]
    public async Task A_cleared_deadline_is_no_longer_overdue()
    {
        await Deliver(Missed(_deadline, ResponseDue));
        await Deliver(Missed(_deadline, ResponseDue, escalation: 1));

        await Deliver(Cleared(_deadline));

        var row = await Find(_recommendation);
        row.Overdue.ShouldBeFalse();
        row.DaysOverdue.ShouldBe(0);
        row.Escalated.ShouldBeFalse();
        var deadline = await Deadline();
        deadline.Cleared.ShouldBeTrue();
        deadline.ClearedAt.ShouldBe(Now.AddDays(1).UtcDateTime);
    }

    [Fact]
    public async Task A_clear_that_arrives_before_its_missed_event_wins()
    {
        await Deliver(Cleared(_deadline));

        await Deliver(Missed(_deadline, ResponseDue));
        await Deliver(Missed(_deadline, ResponseDue, escalation: 1));

        var row = await Find(_recommendation);
        row.Overdue.ShouldBeFalse();
        row.DaysOverdue.ShouldBe(0);
        row.Escalated.ShouldBeFalse();
        var deadline = await Deadline();
        deadline.Cleared.ShouldBeTrue();
        deadline.DueOn.ShouldBe(ResponseDue);
        deadline.RecommendationId.ShouldBe(_recommendation);
    }

    [Fact]
    public async Task A_missed_event_that_overtakes_the_publication_counts_once_the_recommendation_is_published()
    {
        var late = Guid.NewGuid();
        await Deliver(Missed(_deadline, ResponseDue, recommendation: late));

        (await Outstanding()).ShouldNotContain(r => r.RecommendationId == late);

        await Deliver(Published(late, 3));

        var row = await Find(late);
        row.Overdue.ShouldBeTrue();
        row.DaysOverdue.ShouldBe(11);
    }

    [Fact]
    public async Task A_closed_recommendation_is_not_overdue()
    {
        await Deliver(Missed(_deadline, ResponseDue));

        await Deliver(Closed(_recommendation));

        (await Outstanding()).ShouldNotContain(r => r.RecommendationId == _recommendation);
        var closed = (await Outstanding(new OutstandingFilter(Northumbria.Id, Status: RecommendationStatuses.Closed))).ShouldHaveSingleItem();
        closed.RecommendationId.ShouldBe(_recommendation);
        closed.Overdue.ShouldBeFalse();
        closed.DaysOverdue.ShouldBe(0);
        (await Outstanding(new OutstandingFilter(Northumbria.Id, Status: RecommendationStatuses.Closed, Overdue: true))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_provider_summary_counts_outstanding_recommendations_that_are_overdue()
    {
        var third = Guid.NewGuid();
        var fourth = Guid.NewGuid();
        await Deliver(Published(third, 3));
        await Deliver(Published(fourth, 4));
        (await Summary()).Overdue.ShouldBe(0);

        await Deliver(Missed(_deadline, ResponseDue));
        await Deliver(Missed(Guid.NewGuid(), new DateOnly(2020, 2, 25), kind: DeadlineKind.Action));
        var cleared = Guid.NewGuid();
        await Deliver(Missed(cleared, ResponseDue, recommendation: _other));
        await Deliver(Cleared(cleared, recommendation: _other));
        await Deliver(Missed(Guid.NewGuid(), ResponseDue, recommendation: third));
        await Deliver(Missed(Guid.NewGuid(), ResponseDue, recommendation: fourth));
        await Deliver(Closed(fourth));

        var summary = await Summary();
        summary.Overdue.ShouldBe(2);
        summary.Outstanding.ShouldBe(3);
        summary.Closed.ShouldBe(1);
    }

    [Fact]
    public async Task Overdue_true_lists_only_overdue_recommendations_and_false_only_the_rest()
    {
        await Deliver(Missed(_deadline, ResponseDue));

        (await Outstanding(new OutstandingFilter(Northumbria.Id, Overdue: true))).Select(r => r.RecommendationId).ShouldBe([_recommendation]);
        (await Outstanding(new OutstandingFilter(Northumbria.Id, Overdue: false))).Select(r => r.RecommendationId).ShouldBe([_other]);
        (await Outstanding(new OutstandingFilter(Northumbria.Id))).Select(r => r.RecommendationId).ShouldBe([_recommendation, _other]);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData(" TRUE ", true)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_overdue_parameter_reads_true_or_false(string? text, bool? expected)
    {
        var validation = ViewOutstandingEndpoint.ReadFilter(Northumbria.Id, null, null, text, null, out var filter);

        validation.IsValid.ShouldBeTrue();
        filter.Overdue.ShouldBe(expected);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("overdue")]
    public void A_malformed_overdue_parameter_is_named_in_the_problem(string text)
    {
        var validation = ViewOutstandingEndpoint.ReadFilter(Northumbria.Id, null, null, text, null, out _);

        validation.IsValid.ShouldBeFalse();
        validation.Errors.Keys.ShouldBe(["overdue"]);
        validation.Errors["overdue"].ShouldHaveSingleItem().ShouldContain(text);
    }

    private static RecommendationPublished Published(Guid recommendation, int number) => new(
        recommendation, Guid.NewGuid(), Northumbria, number, $"Recommendation {number}.", ["Provider"], ["2.1"],
        new DateOnly(2020, 2, 11), new DateTimeOffset(2020, 2, 11, 0, 1, 0, TimeSpan.Zero), OutstandingRecommendation.FirstState);

    private DeadlineMissed Missed(
        Guid deadline, DateOnly dueOn, Guid? recommendation = null, int escalation = 0, string kind = DeadlineKind.Response)
    {
        var dueAt = new DateTimeOffset(dueOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new DeadlineMissed(deadline, kind, recommendation ?? _recommendation, null, null, Northumbria.Id, dueOn, dueAt,
            Today.DayNumber - dueOn.DayNumber, escalation, Now);
    }

    private DeadlineCleared Cleared(Guid deadline, Guid? recommendation = null) => new(
        deadline, DeadlineKind.Response, recommendation ?? _recommendation, null, Northumbria.Id, "Met", WasMissed: true, Now.AddDays(1));

    private static RecommendationClosed Closed(Guid recommendation) => new(
        recommendation, Northumbria.Id, "Implemented", "Seen.", "inspector", Now,
        OutstandingRecommendation.FirstState with
        {
            Status = RecommendationStatuses.Closed, Version = 2, ClosedAs = "Implemented", ClosedAt = Now,
        });

    private Task Deliver(object message, Guid? messageId = null) => _planning.Deliver(message, messageId);

    private Task<MissedDeadline> Deadline() =>
        Read(db => db.MissedDeadlines.AsNoTracking().SingleAsync(d => d.DeadlineId == _deadline));

    private async Task<OutstandingRow> Find(Guid recommendation) =>
        (await Outstanding()).Single(r => r.RecommendationId == recommendation);

    private Task<List<OutstandingRow>> Outstanding(OutstandingFilter? filter = null) =>
        Read(db => OutstandingQuery.Run(db, filter ?? new OutstandingFilter(Northumbria.Id), _clock, CancellationToken.None));

    private async Task<ProviderSummary> Summary() =>
        (await Read(db => ProviderSummaryQuery.Run(db, Northumbria.Id, CancellationToken.None))).ShouldNotBeNull();

    private Task<T> Read<T>(Func<PlanningDbContext, Task<T>> read) => _planning.Read(read);

    public async Task DisposeAsync() => await _planning.DisposeAsync();
}
