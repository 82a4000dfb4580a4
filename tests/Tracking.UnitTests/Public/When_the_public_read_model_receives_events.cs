using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tracking.Contracts;
using Tracking.Public.ReadModel;

namespace Tracking.UnitTests.Public;

/// <summary>
/// The public read model keeps the newest state and one status update per version, so the status changes the public
/// sees are the same whatever order and however often the events arrive. Real consumers, SQLite in memory, the harness.
/// </summary>
public sealed class When_the_public_read_model_receives_events : IAsyncLifetime
{
    private static readonly ProviderRef Northumbria = new("northumbria-crc", "Northumbria Community Rehabilitation Company", "North East");
    private static readonly DateTimeOffset Published = new(2020, 2, 11, 10, 0, 0, TimeSpan.Zero);
    private readonly Guid _recommendation = Guid.NewGuid();
    private readonly Guid _inspection = Guid.NewGuid();
    private PublicReadModelHost _public = null!;

    public async Task InitializeAsync() => _public = await PublicReadModelHost.Start(new FakeTimeProvider(Published));

    [Fact]
    public async Task Events_in_order_give_one_status_change_per_public_step()
    {
        foreach (var message in Journey())
        {
            await _public.Deliver(message);
        }

        (await Changes()).ShouldBe([
            (null, PublicStatus.Published), (PublicStatus.Published, PublicStatus.Responded),
            (PublicStatus.Responded, PublicStatus.InProgress), (PublicStatus.InProgress, PublicStatus.ClosedImplemented)]);
        var row = await _public.Read(db => db.Recommendations.SingleAsync());
        row.Status.ShouldBe(PublicStatus.ClosedImplemented);
        row.ResponseCategory.ShouldBe("PartlyAgreed");
        row.RespondedOn.ShouldBe(new DateOnly(2020, 3, 2));
        row.ClosedOn.ShouldBe(new DateOnly(2020, 9, 1));
        row.LastProgressJudgement.ShouldBe("GoodProgress");
    }

    [Fact]
    public async Task Events_in_reverse_order_give_the_same_changes_and_row()
    {
        foreach (var message in Journey().Reverse())
        {
            await _public.Deliver(message);
        }

        (await Changes()).ShouldBe([
            (null, PublicStatus.Published), (PublicStatus.Published, PublicStatus.Responded),
            (PublicStatus.Responded, PublicStatus.InProgress), (PublicStatus.InProgress, PublicStatus.ClosedImplemented)]);
        var row = await _public.Read(db => db.Recommendations.SingleAsync());
        row.AwaitingPublication.ShouldBeFalse();
        row.Number.ShouldBe(3);
        row.Status.ShouldBe(PublicStatus.ClosedImplemented);
        row.ResponseCategory.ShouldBe("PartlyAgreed", "the newest response version wins, not the last to arrive");
    }

    [Fact]
    public async Task A_redelivered_event_is_applied_once()
    {
        var id = NewId.NextGuid();
        await _public.Deliver(Journey().ElementAt(1), id);
        await _public.Deliver(Journey().ElementAt(1), id);

        (await _public.Read(db => db.StatusUpdates.CountAsync())).ShouldBe(1);
        (await _public.Read(db => db.Recommendations.SingleAsync())).Changes.ShouldBe(1);
    }

    [Theory]
    [InlineData("AwaitingResponse", 0, null, null, false, PublicStatus.Published)]
    [InlineData("InProgress", 0, null, null, false, PublicStatus.Responded)]
    [InlineData("InProgress", 1, null, null, false, PublicStatus.InProgress)]
    [InlineData("InProgress", 0, "2020-05-01", null, false, PublicStatus.InProgress)]
    [InlineData("InProgress", 0, null, null, true, PublicStatus.InProgress)]
    [InlineData("EvidenceSubmitted", 0, "2020-05-01", null, false, PublicStatus.InProgress)]
    [InlineData("Closed", 0, null, "Implemented", false, PublicStatus.ClosedImplemented)]
    [InlineData("Closed", 2, null, "NotImplemented", false, PublicStatus.ClosedNotImplemented)]
    public void The_public_status_follows_the_state(string status, int openActions, string? lastEvidence, string? closedAs, bool progress, PublicStatus expected)
    {
        var state = new RecommendationState(status, 2, null, null, openActions, 0,
            lastEvidence is null ? null : DateOnly.Parse(lastEvidence), null, closedAs, null);

        PublicStatuses.From(state, progress).ShouldBe(expected);
    }

    private IEnumerable<object> Journey()
    {
        var inProgress = new RecommendationState("InProgress", 2, null, null, 0, 0, null, null, null, null);
        yield return new InspectionPublished(_inspection, Northumbria, "An inspection", "RequiresImprovement",
            [new StandardRating("2.1", "Assessment", "RequiresImprovement")], [_recommendation], new DateOnly(2020, 2, 11), Published, "someone");
        yield return new RecommendationPublished(_recommendation, _inspection, Northumbria, 3, "Give victims' safety sufficient consideration.",
            ["Provider"], ["2.1"], new DateOnly(2020, 2, 11), Published, new RecommendationState("AwaitingResponse", 1, null, null, 0, 0, null, null, null, null));
        yield return new ProviderResponded(_recommendation, Northumbria.Id, 1, "Agreed", "why", "manager", Published.AddDays(20), inProgress);
        yield return new ProviderResponded(_recommendation, Northumbria.Id, 2, "PartlyAgreed", "why not", "manager", Published.AddDays(25),
            inProgress with { Version = 3 });
        yield return new ActionPlanned(_recommendation, Northumbria.Id, Guid.NewGuid(), "audit", "Jo", "jo@example.org", new DateOnly(2020, 6, 1), null,
            "manager", Published.AddDays(30), inProgress with { Version = 4, OpenActions = 1 });
        yield return new EvidenceReviewed(_recommendation, Northumbria.Id, Guid.NewGuid(), "Accepted", "GoodProgress", "fine", "inspector",
            Published.AddDays(100), inProgress with { Version = 5, OpenActions = 1, LastProgressJudgement = "GoodProgress" });
        yield return new RecommendationClosed(_recommendation, Northumbria.Id, "Implemented", "done", "inspector", new DateTimeOffset(2020, 9, 1, 9, 0, 0, TimeSpan.Zero),
            inProgress with { Version = 6, Status = "Closed", ClosedAs = "Implemented", LastProgressJudgement = "GoodProgress", ClosedAt = new DateTimeOffset(2020, 9, 1, 9, 0, 0, TimeSpan.Zero) });
    }

    private async Task<List<(PublicStatus? From, PublicStatus To)>> Changes() =>
        (await _public.Read(db => db.StatusUpdates.Where(u => u.IsStatusChange).OrderBy(u => u.Version).ToListAsync()))
        .Select(u => (u.PreviousStatus, u.Status)).ToList();

    public async Task DisposeAsync() => await _public.DisposeAsync();
}
