using Tracking.Contracts;
using Tracking.ServiceDefaults.Http;
using static Tracking.Recommendations.Domain.LifecycleCommand;

namespace Tracking.Recommendations.Domain;

/// <summary>
/// A recommendation and everything done about it. Each command checks the lifecycle, changes state, appends a
/// history line, raises the event that reports it, and bumps the version the events carry.
/// </summary>
public sealed class Recommendation
{
    public Guid Id { get; init; }

    public Guid InspectionId { get; init; }

    public Inspection? Inspection { get; init; }

    public string ProviderId { get; init; } = "";

    public int Number { get; init; }

    public string Text { get; init; } = "";

    /// <summary>Names from <see cref="Addressee"/>.</summary>
    public List<string> Addressees { get; init; } = [];

    /// <summary>Codes from <see cref="InspectionFramework"/>.</summary>
    public List<string> LinkedStandards { get; init; } = [];

    public RecommendationStatus Status { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    /// <summary>Rises by one with every change: optimistic concurrency, and the order consumers apply events in.</summary>
    public int Version { get; private set; }

    /// <summary>The date the provider committed to for the whole recommendation, if any.</summary>
    public DateOnly? TargetDate { get; private set; }

    public int? AcceptedResponseVersion { get; private set; }

    public ClosureKind? ClosedAs { get; private set; }

    public string? ClosureComment { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public List<ProviderResponse> Responses { get; init; } = [];

    public List<PlannedAction> Actions { get; init; } = [];

    public List<EvidenceSubmission> Evidence { get; init; } = [];

    public List<TargetDateRevision> Revisions { get; init; } = [];

    public List<HistoryEntry> History { get; init; } = [];

    public ProviderResponse? CurrentResponse => Responses.MaxBy(r => r.Version);

    /// <summary>Evidence a lean load left out of <see cref="Evidence"/>, summarised so <see cref="State"/> still counts it.</summary>
    private EvidenceSummary? _evidenceNotLoaded;

    /// <summary>Says that <see cref="Evidence"/> holds none of the stored evidence, and what that evidence adds up to.</summary>
    internal void EvidenceLeftUnloaded(EvidenceSummary summary) => _evidenceNotLoaded = summary;

    internal void MarkPublished(DateTimeOffset now, Actor publishedBy)
    {
        Status = RecommendationLifecycle.After(Status, Publish);
        PublishedAt = now.UtcDateTime;
        Record(publishedBy, now, nameof(Publish), "Published with its inspection.", null);
    }

    public ProviderResponded Respond(ResponseKind kind, string? rationale, DateOnly? targetDate, Actor actor, DateTimeOffset now)
    {
        Guard(LifecycleCommand.Respond);
        if (AcceptedResponseVersion is not null)
        {
            throw new ConflictException("The inspectorate has accepted the response; it can no longer be amended.");
        }

        if (targetDate is not null && TargetDate is not null && targetDate != TargetDate)
        {
            // 409, not 422: the date itself is fine; it is the recommendation's state (a date already set) that forbids it.
            throw new ConflictException(
                $"The target date is already {TargetDate:yyyy-MM-dd}; an amended response cannot change it. " +
                "Ask for a target-date revision (POST …/target-date-revisions) to move the date.");
        }

        var response = new ProviderResponse
        {
            Id = Guid.CreateVersion7(),
            RecommendationId = Id,
            Version = Responses.Count + 1,
            Kind = kind,
            Rationale = rationale,
            RespondedBy = actor.Subject,
            RespondedAt = now.UtcDateTime,
        };
        Responses.Add(response);
        if (targetDate is not null && TargetDate is null)
        {
            TargetDate = targetDate;
        }

        Move(LifecycleCommand.Respond);
        Record(actor, now, "Respond", response.Version == 1 ? $"Responded: {kind}." : $"Amended the response (version {response.Version}): {kind}.", rationale);
        return new ProviderResponded(Id, ProviderId, response.Version, kind.ToString(), rationale, actor.Subject, now, State());
    }

    public ResponseAccepted AcceptResponse(string? comment, Actor actor, DateTimeOffset now)
    {
        Guard(LifecycleCommand.AcceptResponse);
        var current = CurrentResponse ?? throw new ConflictException("There is no response to accept.");
        if (AcceptedResponseVersion == current.Version)
        {
            throw new ConflictException($"Response version {current.Version} is already accepted.");
        }

        AcceptedResponseVersion = current.Version;
        Move(LifecycleCommand.AcceptResponse);
        Record(actor, now, "AcceptResponse", $"Accepted the provider's response (version {current.Version}).", comment);
        return new ResponseAccepted(Id, ProviderId, current.Version, comment, actor.Subject, now, State());
    }

    public ActionPlanned PlanAction(string description, string ownerName, string ownerEmail, DateOnly targetDate, string? measureOfSuccess,
        DateOnly today, Actor actor, DateTimeOffset now)
    {
        Guard(LifecycleCommand.PlanAction);
        if (targetDate < today)
        {
            throw new ArgumentOutOfRangeException(nameof(targetDate), "The target date cannot be in the past.");
        }

        var action = new PlannedAction
        {
            Id = Guid.CreateVersion7(),
            RecommendationId = Id,
            Description = description,
            OwnerName = ownerName,
            OwnerEmail = ownerEmail,
            TargetDate = targetDate,
            MeasureOfSuccess = measureOfSuccess,
            PlannedBy = actor.Subject,
            PlannedAt = now.UtcDateTime,
        };
        Actions.Add(action);
        Move(LifecycleCommand.PlanAction);
        Record(actor, now, "PlanAction", $"Planned an action owned by {ownerName}, due {targetDate:yyyy-MM-dd}: {description}", measureOfSuccess);
        return new ActionPlanned(Id, ProviderId, action.Id, description, ownerName, ownerEmail, targetDate, measureOfSuccess, actor.Subject, now, State());
    }

    public ActionCompleted CompleteAction(Guid actionId, Actor actor, DateTimeOffset now)
    {
        var action = Actions.FirstOrDefault(a => a.Id == actionId) ?? throw new KeyNotFoundException($"There is no action {actionId} on this recommendation.");
        Guard(LifecycleCommand.CompleteAction);
        if (action.IsDone)
        {
            throw new ConflictException("This action is already done.");
        }

        action.CompletedAt = now.UtcDateTime;
        action.CompletedBy = actor.Subject;
        Move(LifecycleCommand.CompleteAction);
        Record(actor, now, "CompleteAction", $"Marked done: {action.Description}", null);
        return new ActionCompleted(Id, ProviderId, action.Id, actor.Subject, now, State());
    }

    public EvidenceSubmitted SubmitEvidence(string narrative, DateOnly effectiveDate, IReadOnlyList<Guid> actionIds,
        IReadOnlyList<EvidenceFile> files, Actor actor, DateTimeOffset now)
    {
        Guard(LifecycleCommand.SubmitEvidence);
        var unknown = actionIds.Where(id => Actions.All(a => a.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new KeyNotFoundException($"There is no action {unknown[0]} on this recommendation.");
        }

        var evidence = new EvidenceSubmission
        {
            Id = Guid.CreateVersion7(),
            RecommendationId = Id,
            Narrative = narrative,
            EffectiveDate = effectiveDate,
            ActionIds = [.. actionIds.Distinct()],
            Files = [.. files],
            SubmittedBy = actor.Subject,
            SubmittedAt = now.UtcDateTime,
        };
        Evidence.Add(evidence);
        Move(LifecycleCommand.SubmitEvidence);
        Record(actor, now, "SubmitEvidence", $"Submitted evidence effective {effectiveDate:yyyy-MM-dd} with {files.Count} file(s).", narrative);
        return new EvidenceSubmitted(Id, ProviderId, evidence.Id, evidence.ActionIds, files.Count, effectiveDate, actor.Subject, now, State());
    }

    // Commands naming a part of the recommendation (an action, evidence, a revision) look it up first, so an
    // unknown id is a 404 whatever the state; only then does the lifecycle decide.
    public EvidenceReviewed ReviewEvidence(Guid evidenceId, ReviewOutcome outcome, string comment, ProgressJudgement? judgement,
        Actor actor, DateTimeOffset now)
    {
        var evidence = Evidence.FirstOrDefault(e => e.Id == evidenceId) ?? throw new KeyNotFoundException($"There is no evidence {evidenceId} on this recommendation.");
        Guard(LifecycleCommand.ReviewEvidence);
        if (!evidence.AwaitsReview)
        {
            throw new ConflictException($"This evidence was already reviewed: {evidence.Outcome}.");
        }

        evidence.Outcome = outcome;
        evidence.Judgement = judgement;
        evidence.ReviewComment = comment;
        evidence.ReviewedBy = actor.Subject;
        evidence.ReviewedAt = now.UtcDateTime;
        Move(LifecycleCommand.ReviewEvidence, evidenceStillAwaitingReview: Evidence.Any(e => e.AwaitsReview));
        Record(actor, now, "ReviewEvidence",
            $"Reviewed evidence: {outcome}{(judgement is null ? "" : $", {judgement}")}.", comment);
        return new EvidenceReviewed(Id, ProviderId, evidence.Id, outcome.ToString(), judgement?.ToString(), comment, actor.Subject, now, State());
    }

    public TargetDateRevisionRequested RequestRevision(Guid? actionId, DateOnly requestedDate, string reason, Actor actor, DateTimeOffset now)
    {
        Guard(LifecycleCommand.RequestTargetDateRevision);
        DateOnly? current = TargetDate;
        if (actionId is { } id)
        {
            var action = Actions.FirstOrDefault(a => a.Id == id) ?? throw new KeyNotFoundException($"There is no action {id} on this recommendation.");
            if (action.IsDone)
            {
                throw new ConflictException("This action is done; its date no longer matters.");
            }

            current = action.TargetDate;
        }

        if (current is null)
        {
            throw new ConflictException("The recommendation has no target date yet: give one with the response rather than asking to move it.");
        }

        if (Revisions.Any(r => r.ActionId == actionId && r.Decision == RevisionDecision.Pending))
        {
            throw new ConflictException("A revision of this date is already awaiting a decision.");
        }

        var revision = new TargetDateRevision
        {
            Id = Guid.CreateVersion7(),
            RecommendationId = Id,
            ActionId = actionId,
            CurrentDate = current,
            RequestedDate = requestedDate,
            Reason = reason,
            RequestedBy = actor.Subject,
            RequestedAt = now.UtcDateTime,
        };
        Revisions.Add(revision);
        Move(LifecycleCommand.RequestTargetDateRevision);
        Record(actor, now, "RequestTargetDateRevision",
            $"Asked to move {(actionId is null ? "the recommendation's target date" : "an action's target date")} from {current:yyyy-MM-dd} to {requestedDate:yyyy-MM-dd}.", reason);
        return new TargetDateRevisionRequested(Id, ProviderId, revision.Id, actionId, current, requestedDate, reason, actor.Subject, now, State());
    }

    public TargetDateRevisionDecided DecideRevision(Guid revisionId, bool approve, string comment, Actor actor, DateTimeOffset now)
    {
        var revision = Revisions.FirstOrDefault(r => r.Id == revisionId) ?? throw new KeyNotFoundException($"There is no revision {revisionId} on this recommendation.");
        Guard(LifecycleCommand.DecideTargetDateRevision);
        if (revision.Decision != RevisionDecision.Pending)
        {
            throw new ConflictException($"This revision was already {revision.Decision.ToString().ToLowerInvariant()}.");
        }

        if (approve && revision.ActionId is { } doneId && Actions.First(a => a.Id == doneId).IsDone)
        {
            throw new ConflictException("The action was completed after this revision was asked for; its date no longer matters. Refuse the revision instead.");
        }

        revision.Decision = approve ? RevisionDecision.Approved : RevisionDecision.Refused;
        revision.DecisionComment = comment;
        revision.DecidedBy = actor.Subject;
        revision.DecidedAt = now.UtcDateTime;
        if (approve)
        {
            if (revision.ActionId is { } actionId)
            {
                Actions.First(a => a.Id == actionId).TargetDate = revision.RequestedDate;
            }
            else
            {
                TargetDate = revision.RequestedDate;
            }
        }

        Move(LifecycleCommand.DecideTargetDateRevision);
        Record(actor, now, "DecideTargetDateRevision",
            $"{(approve ? "Approved" : "Refused")} moving the date to {revision.RequestedDate:yyyy-MM-dd}.", comment);
        return new TargetDateRevisionDecided(Id, ProviderId, revision.Id, revision.ActionId, approve, revision.RequestedDate, comment, actor.Subject, now, State());
    }

    public RecommendationClosed Close(ClosureKind kind, string comment, Actor actor, DateTimeOffset now)
    {
        Guard(LifecycleCommand.Close);
        ClosedAs = kind;
        ClosureComment = comment;
        ClosedAt = now.UtcDateTime;
        Move(LifecycleCommand.Close);
        Record(actor, now, "Close", $"Closed: {kind}.", comment);
        return new RecommendationClosed(Id, ProviderId, kind.ToString(), comment, actor.Subject, now, State());
    }

    /// <summary>What every event reports about the recommendation after the change.</summary>
    public RecommendationState State()
    {
        var openActions = Actions.Where(a => !a.IsDone).ToList();
        DateOnly? nextDue = Status == RecommendationStatus.Closed
            ? null
            : openActions.Select(a => (DateOnly?)a.TargetDate).Append(TargetDate).Where(d => d is not null).Min();
        var lastReviewed = Evidence.Where(e => e.Judgement is not null).MaxBy(e => e.ReviewedAt);
        var lastJudgement = lastReviewed?.Judgement;
        var unloaded = _evidenceNotLoaded ?? EvidenceSummary.None;
        if (unloaded.LastJudgement is not null && (lastReviewed is null || unloaded.LastJudgedAt > lastReviewed.ReviewedAt))
        {
            lastJudgement = unloaded.LastJudgement;
        }

        return new RecommendationState(
            Status.ToString(),
            Version,
            TargetDate,
            nextDue,
            openActions.Count,
            Evidence.Count(e => e.AwaitsReview) + unloaded.AwaitingReview,
            Evidence.Select(e => (DateOnly?)e.EffectiveDate).Append(unloaded.LatestEffectiveDate).Max(),
            lastJudgement?.ToString(),
            ClosedAs?.ToString(),
            ClosedAt is { } closed ? new DateTimeOffset(closed, TimeSpan.Zero) : null);
    }

    private void Guard(LifecycleCommand command) => RecommendationLifecycle.EnsureAllowed(Status, command);

    private void Move(LifecycleCommand command, bool evidenceStillAwaitingReview = false) =>
        Status = RecommendationLifecycle.After(Status, command, evidenceStillAwaitingReview);

    private void Record(Actor actor, DateTimeOffset now, string change, string what, string? why)
    {
        Version++;
        History.Add(new HistoryEntry
        {
            Id = Guid.CreateVersion7(),
            RecommendationId = Id,
            Sequence = Version,
            At = now.UtcDateTime,
            ActorSubject = actor.Subject,
            ActorName = actor.Name,
            Change = change,
            What = what,
            Why = why,
        });
    }
}

/// <summary>What a recommendation's stored evidence adds up to, for commands that do not load the evidence itself.</summary>
public sealed record EvidenceSummary(int AwaitingReview, DateOnly? LatestEffectiveDate, DateTime? LastJudgedAt, ProgressJudgement? LastJudgement)
{
    public static readonly EvidenceSummary None = new(0, null, null, null);
}
