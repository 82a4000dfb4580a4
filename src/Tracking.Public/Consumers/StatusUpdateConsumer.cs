using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Public.Data;
using Tracking.Public.ReadModel;

namespace Tracking.Public.Consumers;

/// <summary>What one lifecycle event tells the public: whose it is, the state after it, and whether it shows progress.</summary>
public sealed record LifecycleNews(
    Guid RecommendationId, string ProviderId, RecommendationState State, DateTimeOffset OccurredAt,
    bool ReportsProgress = false, string? ProgressJudgement = null);

/// <summary>
/// Every lifecycle event carries the recommendation's state after the change: the row keeps the newest version and a
/// status update is kept per version, so duplicates and events out of order converge. Only what the public may see is
/// read from the message; its actors, comments, rationales and descriptions are never copied.
/// </summary>
public abstract class StatusUpdateConsumer<TMessage>(PublicTrackerDbContext db, TimeProvider clock)
    : IdempotentConsumer<TMessage, PublicTrackerDbContext>(db, clock)
    where TMessage : class
{
    protected abstract LifecycleNews Read(TMessage message);

    /// <summary>What the event changes beside the status; nothing by default.</summary>
    protected virtual void ApplyDetail(TrackedRecommendation row, TMessage message)
    {
    }

    protected override async Task Handle(TMessage message, ConsumeContext<TMessage> context)
    {
        var news = Read(message);
        var row = await Db.Recommendations.FindAsync([news.RecommendationId], context.CancellationToken);
        if (row is null)
        {
            // A placeholder rather than a retry: RecommendationPublished may come later than any retry waits, and fills it in.
            row = TrackedRecommendation.Placeholder(news.RecommendationId, news.ProviderId);
            Db.Recommendations.Add(row);
        }

        var status = PublicStatuses.From(news.State, news.ReportsProgress);
        row.Apply(news.State, status, news.OccurredAt);
        ApplyDetail(row, message);
        await Db.RecordUpdate(news.RecommendationId, news.ProviderId, news.State.Version, status, news.OccurredAt,
            news.ProgressJudgement, context.CancellationToken);
    }
}
