using MassTransit;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.Messaging.Inbox;

namespace Tracking.Planning.Consumers;

public sealed class InspectionPublishedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<InspectionPublished, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(InspectionPublished message, ConsumeContext<InspectionPublished> context)
    {
        var provider = await Db.RememberProvider(message.Provider, context.CancellationToken);

        // An older report imported after a newer one must not replace it as the provider's latest.
        if (provider.LastInspectionPublishedOn is { } latest && latest > message.PublishedOn)
        {
            return;
        }

        provider.LastInspectionId = message.InspectionId;
        provider.LastInspectionTitle = message.Title;
        provider.LastInspectionRating = message.OverallRating;
        provider.LastInspectionPublishedOn = message.PublishedOn;
    }
}
