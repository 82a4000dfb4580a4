using Tracking.ServiceDefaults.Http;

namespace Tracking.Recommendations.Domain;

public enum RecommendationStatus
{
    /// <summary>Part of an inspection that has not been published yet.</summary>
    Draft,

    /// <summary>Published; the provider has not responded yet.</summary>
    AwaitingResponse,

    /// <summary>The provider has responded and is acting on it; evidence, if any, has been reviewed.</summary>
    InProgress,

    /// <summary>At least one evidence submission awaits the inspectorate's review.</summary>
    EvidenceSubmitted,

    /// <summary>Closed by the inspectorate as implemented or not implemented; final.</summary>
    Closed,
}

/// <summary>What a person can ask of a recommendation, in the order the follow-up usually runs.</summary>
public enum LifecycleCommand
{
    Publish,
    Respond,
    AcceptResponse,
    PlanAction,
    CompleteAction,
    SubmitEvidence,
    ReviewEvidence,
    RequestTargetDateRevision,
    DecideTargetDateRevision,
    Close,
}

/// <summary>Which command is legal in which state, and where it leads: the one place that decides.</summary>
public static class RecommendationLifecycle
{
    private const RecommendationStatus Draft = RecommendationStatus.Draft;
    private const RecommendationStatus AwaitingResponse = RecommendationStatus.AwaitingResponse;
    private const RecommendationStatus InProgress = RecommendationStatus.InProgress;
    private const RecommendationStatus EvidenceSubmitted = RecommendationStatus.EvidenceSubmitted;
    private const RecommendationStatus Closed = RecommendationStatus.Closed;

    // A pair missing from this table is forbidden; Closed has no entries because closure is final.
    private static readonly Dictionary<(RecommendationStatus From, LifecycleCommand Command), RecommendationStatus> Transitions = new()
    {
        [(Draft, LifecycleCommand.Publish)] = AwaitingResponse,

        [(AwaitingResponse, LifecycleCommand.Respond)] = InProgress,
        [(AwaitingResponse, LifecycleCommand.RequestTargetDateRevision)] = AwaitingResponse,
        [(AwaitingResponse, LifecycleCommand.DecideTargetDateRevision)] = AwaitingResponse,
        [(AwaitingResponse, LifecycleCommand.Close)] = Closed,

        [(InProgress, LifecycleCommand.Respond)] = InProgress,
        [(InProgress, LifecycleCommand.AcceptResponse)] = InProgress,
        [(InProgress, LifecycleCommand.PlanAction)] = InProgress,
        [(InProgress, LifecycleCommand.CompleteAction)] = InProgress,
        [(InProgress, LifecycleCommand.SubmitEvidence)] = EvidenceSubmitted,
        [(InProgress, LifecycleCommand.RequestTargetDateRevision)] = InProgress,
        [(InProgress, LifecycleCommand.DecideTargetDateRevision)] = InProgress,
        [(InProgress, LifecycleCommand.Close)] = Closed,

        [(EvidenceSubmitted, LifecycleCommand.Respond)] = EvidenceSubmitted,
        [(EvidenceSubmitted, LifecycleCommand.AcceptResponse)] = EvidenceSubmitted,
        [(EvidenceSubmitted, LifecycleCommand.PlanAction)] = EvidenceSubmitted,
        [(EvidenceSubmitted, LifecycleCommand.CompleteAction)] = EvidenceSubmitted,
        [(EvidenceSubmitted, LifecycleCommand.SubmitEvidence)] = EvidenceSubmitted,
        [(EvidenceSubmitted, LifecycleCommand.ReviewEvidence)] = InProgress,
        [(EvidenceSubmitted, LifecycleCommand.RequestTargetDateRevision)] = EvidenceSubmitted,
        [(EvidenceSubmitted, LifecycleCommand.DecideTargetDateRevision)] = EvidenceSubmitted,
        [(EvidenceSubmitted, LifecycleCommand.Close)] = Closed,
    };

    public static bool Allows(RecommendationStatus from, LifecycleCommand command) => Transitions.ContainsKey((from, command));

    public static void EnsureAllowed(RecommendationStatus from, LifecycleCommand command)
    {
        if (!Allows(from, command))
        {
            throw new ConflictException(WhyNot(from, command));
        }
    }

    /// <param name="evidenceStillAwaitingReview">
    /// After a review, whether another submission is still waiting: the aggregate knows, the table cannot.
    /// </param>
    public static RecommendationStatus After(
        RecommendationStatus from, LifecycleCommand command, bool evidenceStillAwaitingReview = false)
    {
        EnsureAllowed(from, command);
        return command == LifecycleCommand.ReviewEvidence && evidenceStillAwaitingReview
            ? EvidenceSubmitted
            : Transitions[(from, command)];
    }

    private static string WhyNot(RecommendationStatus from, LifecycleCommand command) => (from, command) switch
    {
        (Closed, _) => "Recommendation is closed: it accepts no further changes.",
        (_, LifecycleCommand.Publish) => "Recommendation is already published.",
        (Draft, _) => "Recommendation is not published yet: publish its inspection first.",
        (_, LifecycleCommand.AcceptResponse) => "The provider has not responded yet: there is no response to accept.",
        (_, LifecycleCommand.PlanAction) => "Respond to the recommendation before planning actions.",
        (_, LifecycleCommand.CompleteAction) => "Respond to the recommendation before completing actions.",
        (_, LifecycleCommand.SubmitEvidence) => "Respond to the recommendation before submitting evidence.",
        (_, LifecycleCommand.ReviewEvidence) => "No evidence is awaiting review.",
        _ => $"{command} is not allowed while the recommendation is {from}.",
    };
}
