namespace Tracking.Notifications.Features.ViewUpdateRounds;

/// <param name="DueBy">Open actions due on or before this day (overdue ones too) were asked for an update.</param>
/// <param name="StartedBy">The inspector who started it; null for a round the cadence started.</param>
/// <param name="Asked">Update requests sent (one per open action with an owner).</param>
/// <param name="Answered">Requests answered with evidence since the round began.</param>
public sealed record UpdateRoundView(Guid Id, DateTime StartedAt, DateOnly DueBy, string? StartedBy, int Asked, int Answered);

/// <param name="Requests">Who was asked about which action, and whether they answered; soonest due first.</param>
public sealed record UpdateRoundDetail(UpdateRoundView Round, IReadOnlyList<UpdateRequestView> Requests);

/// <param name="AnsweredAt">When evidence for the action arrived after the round began; null while unanswered.</param>
public sealed record UpdateRequestView(Guid ActionId, Guid RecommendationId, string ProviderId, string Action, string OwnerName, string OwnerEmail,
    DateOnly TargetDate, DateTime AskedAt, DateTime? AnsweredAt, Guid? EvidenceId);
