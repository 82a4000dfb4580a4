namespace Tracking.Recommendations.Domain;

/// <summary>The person acting, as their token names them.</summary>
public sealed record Actor(string Subject, string Name);

public enum ResponseKind { Agreed, PartlyAgreed, NotAgreed }

public enum ReviewOutcome { Accepted, MoreNeeded }

/// <summary>HMI Prisons' four judgements of progress at a follow-up review.</summary>
public enum ProgressJudgement { NoMeaningfulProgress, InsufficientProgress, ReasonableProgress, GoodProgress }

public enum RevisionDecision { Pending, Approved, Refused }

/// <summary>GAO's closure kinds.</summary>
public enum ClosureKind { Implemented, NotImplemented }

/// <summary>One version of the provider's response; amendments add versions, none is overwritten.</summary>
public sealed class ProviderResponse
{
    public Guid Id { get; init; }
    public Guid RecommendationId { get; init; }
    public int Version { get; init; }
    public ResponseKind Kind { get; init; }
    public string? Rationale { get; init; }
    public string RespondedBy { get; init; } = "";
    public DateTime RespondedAt { get; init; }
}

/// <summary>A SMART action in the provider's plan, with a named owner and a target date.</summary>
public sealed class PlannedAction
{
    public Guid Id { get; init; }
    public Guid RecommendationId { get; init; }
    public string Description { get; init; } = "";
    public string OwnerName { get; init; } = "";
    public string OwnerEmail { get; init; } = "";
    public DateOnly TargetDate { get; internal set; }
    public string? MeasureOfSuccess { get; init; }
    public string PlannedBy { get; init; } = "";
    public DateTime PlannedAt { get; init; }
    public DateTime? CompletedAt { get; internal set; }
    public string? CompletedBy { get; internal set; }
    public bool IsDone => CompletedAt is not null;
}

/// <summary>A file stored by content hash outside the database; its original name is only metadata.</summary>
public sealed class EvidenceFile
{
    public Guid Id { get; init; }
    public string ContentHash { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string OriginalName { get; init; } = "";

    /// <summary>Where the file came in the upload (0 first): a database returns an owned collection in no set order.</summary>
    public int Position { get; init; }
}

/// <summary>What the provider submits to show an action has taken effect, and the inspectorate's review of it.</summary>
public sealed class EvidenceSubmission
{
    public Guid Id { get; init; }
    public Guid RecommendationId { get; init; }
    public string Narrative { get; init; } = "";

    /// <summary>When the change took effect, which may precede the upload.</summary>
    public DateOnly EffectiveDate { get; init; }

    public List<Guid> ActionIds { get; init; } = [];
    public List<EvidenceFile> Files { get; init; } = [];
    public string SubmittedBy { get; init; } = "";
    public DateTime SubmittedAt { get; init; }
    public ReviewOutcome? Outcome { get; internal set; }
    public ProgressJudgement? Judgement { get; internal set; }
    public string? ReviewComment { get; internal set; }
    public string? ReviewedBy { get; internal set; }
    public DateTime? ReviewedAt { get; internal set; }
    public bool AwaitsReview => Outcome is null;
}

/// <summary>A request to move a target date; the date changes only when the inspectorate approves it.</summary>
public sealed class TargetDateRevision
{
    public Guid Id { get; init; }
    public Guid RecommendationId { get; init; }

    /// <summary>Null when the request is for the recommendation's own target date.</summary>
    public Guid? ActionId { get; init; }

    public DateOnly? CurrentDate { get; init; }
    public DateOnly RequestedDate { get; init; }
    public string Reason { get; init; } = "";
    public string RequestedBy { get; init; } = "";
    public DateTime RequestedAt { get; init; }
    public RevisionDecision Decision { get; internal set; }
    public string? DecisionComment { get; internal set; }
    public string? DecidedBy { get; internal set; }
    public DateTime? DecidedAt { get; internal set; }
}

/// <summary>One line of a recommendation's history: who, when, what, why. Only ever appended.</summary>
public sealed class HistoryEntry
{
    public Guid Id { get; init; }
    public Guid RecommendationId { get; init; }

    /// <summary>The recommendation's version this change produced: the order of the history.</summary>
    public int Sequence { get; init; }

    public DateTime At { get; init; }
    public string ActorSubject { get; init; } = "";
    public string ActorName { get; init; } = "";
    public string Change { get; init; } = "";
    public string What { get; init; } = "";
    public string? Why { get; init; }
}
