using MassTransit;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Planning.ReadModel;

// What a reinspection checklist needs beyond the recommendation's state: its actions and its evidence. These sit
// beside the state consumers on the same queue; the inbox keys on the consumer's name, so each does its work once.

public sealed class ActionPlannedChecklistConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<ActionPlanned, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(ActionPlanned message, ConsumeContext<ActionPlanned> context) =>
        (await Db.ActionRow(message.ActionId, context.CancellationToken)).Planned(message);
}

public sealed class ActionCompletedChecklistConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<ActionCompleted, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(ActionCompleted message, ConsumeContext<ActionCompleted> context) =>
        (await Db.ActionRow(message.ActionId, context.CancellationToken)).Completed(message);
}

/// <summary>Only an approved revision of one action's date changes the checklist; the recommendation's own date comes with its state.</summary>
public sealed class TargetDateRevisionDecidedChecklistConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<TargetDateRevisionDecided, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(TargetDateRevisionDecided message, ConsumeContext<TargetDateRevisionDecided> context)
    {
        if (message is { Approved: true, ActionId: { } actionId })
        {
            (await Db.ActionRow(actionId, context.CancellationToken)).Revised(message);
        }
    }
}

public sealed class EvidenceSubmittedChecklistConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<EvidenceSubmitted, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(EvidenceSubmitted message, ConsumeContext<EvidenceSubmitted> context) =>
        (await Db.EvidenceRow(message.EvidenceId, context.CancellationToken)).Submitted(message);
}

public sealed class EvidenceReviewedChecklistConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<EvidenceReviewed, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(EvidenceReviewed message, ConsumeContext<EvidenceReviewed> context) =>
        (await Db.EvidenceRow(message.EvidenceId, context.CancellationToken)).Reviewed(message);
}
