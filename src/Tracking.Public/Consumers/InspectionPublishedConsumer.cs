using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Public.Data;
using Tracking.Public.ReadModel;

namespace Tracking.Public.Consumers;

/// <summary>The report's title, date and ratings; who published it stays with the recommendations service.</summary>
public sealed class InspectionPublishedConsumer(PublicTrackerDbContext db, TimeProvider clock)
    : IdempotentConsumer<InspectionPublished, PublicTrackerDbContext>(db, clock)
{
    protected override async Task Handle(InspectionPublished message, ConsumeContext<InspectionPublished> context)
    {
        await Db.RememberProvider(message.Provider, context.CancellationToken);
        if (await Db.Inspections.FindAsync([message.InspectionId], context.CancellationToken) is null)
        {
            Db.Inspections.Add(TrackedInspection.From(message));
        }
    }
}
