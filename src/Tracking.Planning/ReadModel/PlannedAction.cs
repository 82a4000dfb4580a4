using Tracking.Contracts;

namespace Tracking.Planning.ReadModel;

/// <summary>
/// One action of a provider's plan, as a reinspection checklist lists it; kept from ActionPlanned, ActionCompleted
/// and approved action-level TargetDateRevisionDecided events only.
/// </summary>
/// <remarks>
/// Converges whatever order the events arrive in: <see cref="Done"/> only goes from false to true, and the target
/// date is taken from whichever event happened last (<see cref="TargetDateSetAt"/>), so a late ActionPlanned cannot
/// undo an approved revision. A row an event created before its ActionPlanned arrived has no <see cref="PlannedAt"/>
/// and stays out of checklists until then.
/// </remarks>
public sealed class PlannedAction
{
    public Guid ActionId { get; init; }

    public Guid RecommendationId { get; set; }

    public string Description { get; set; } = "";

    public string OwnerName { get; set; } = "";

    public DateOnly? TargetDate { get; set; }

    /// <summary>When the event that set <see cref="TargetDate"/> happened: the plan, or the latest approved revision.</summary>
    public DateTime? TargetDateSetAt { get; set; }

    public bool Done { get; set; }

    public DateTime? DoneAt { get; set; }

    /// <summary>When the action was planned; null until ActionPlanned has arrived.</summary>
    public DateTime? PlannedAt { get; set; }

    /// <summary>Counts changes; two events for one row consumed at once cannot both save, the loser is retried on the newer row.</summary>
    public int Changes { get; set; }

    public void Planned(ActionPlanned message)
    {
        Changes++;
        RecommendationId = message.RecommendationId;
        Description = message.Description;
        OwnerName = message.OwnerName;
        PlannedAt = message.OccurredAt.UtcDateTime;
        SetTargetDate(message.TargetDate, message.OccurredAt);
    }

    public void Completed(ActionCompleted message)
    {
        Changes++;
        RecommendationId = message.RecommendationId;
        Done = true;
        var at = message.OccurredAt.UtcDateTime;
        if (DoneAt is not { } earlier || at < earlier)
        {
            DoneAt = at;
        }
    }

    /// <summary>An approved revision of this action's date; refused or recommendation-level revisions never reach here.</summary>
    public void Revised(TargetDateRevisionDecided message)
    {
        Changes++;
        RecommendationId = message.RecommendationId;
        SetTargetDate(message.RequestedDate, message.OccurredAt);
    }

    private void SetTargetDate(DateOnly date, DateTimeOffset occurredAt)
    {
        var at = occurredAt.UtcDateTime;
        if (TargetDateSetAt is { } newer && newer > at)
        {
            return;
        }

        TargetDate = date;
        TargetDateSetAt = at;
    }
}
