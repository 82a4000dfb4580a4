namespace Tracking.Planning.Features.PlanReinspection;

public enum ReinspectionKind
{
    FullInspection,
    FollowUpReview,
}

public enum ReinspectionPlanStatus
{
    Planned,
    Cancelled,
}

/// <summary>
/// A visit a planner (or an inspector) has put in the diary for a provider. Its checklist is worked out from the
/// read model when asked for, unless the plan was frozen: then the checklist as it stood at <see cref="FrozenAt"/>
/// is kept with it and never changes.
/// </summary>
public sealed class ReinspectionPlan
{
    public Guid Id { get; init; }

    public string ProviderId { get; init; } = "";

    public DateOnly PlannedOn { get; private set; }

    public ReinspectionKind Kind { get; init; }

    public ReinspectionPlanStatus Status { get; private set; } = ReinspectionPlanStatus.Planned;

    /// <summary>Null while the checklist is live.</summary>
    public DateTime? FrozenAt { get; private set; }

    /// <summary>The checklist as JSON, taken at <see cref="FrozenAt"/>; null while live.</summary>
    public string? FrozenChecklist { get; private set; }

    public string CreatedBy { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    /// <summary>Every date the plan was moved away from, oldest first.</summary>
    public List<DateOnly> MovedFrom { get; private set; } = [];

    public string? UpdatedBy { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    /// <summary>Rises with every change; two people moving one plan at once cannot both save.</summary>
    public int Version { get; private set; }

    public static ReinspectionPlan Create(string providerId, DateOnly plannedOn, ReinspectionKind kind, string createdBy, DateTime now) =>
        new() { Id = Guid.CreateVersion7(), ProviderId = providerId, PlannedOn = plannedOn, Kind = kind, CreatedBy = createdBy, CreatedAt = now, Version = 1 };

    /// <summary>Why the plan can no longer be changed, or null while it can.</summary>
    public string? WhyFixed => Status == ReinspectionPlanStatus.Cancelled ? "The reinspection plan has been cancelled." : null;

    public void Freeze(string checklist, DateTime now)
    {
        FrozenChecklist = checklist;
        FrozenAt = now;
    }

    public void MoveTo(DateOnly plannedOn, string by, DateTime now)
    {
        if (plannedOn == PlannedOn)
        {
            return;
        }

        MovedFrom = [.. MovedFrom, PlannedOn];
        PlannedOn = plannedOn;
        Changed(by, now);
    }

    public void Cancel(string by, DateTime now)
    {
        Status = ReinspectionPlanStatus.Cancelled;
        Changed(by, now);
    }

    private void Changed(string by, DateTime now)
    {
        UpdatedBy = by;
        UpdatedAt = now;
        Version++;
    }
}
