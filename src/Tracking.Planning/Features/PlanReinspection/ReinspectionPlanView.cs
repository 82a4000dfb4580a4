using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.PlanReinspection;

/// <param name="FrozenAt">When the checklist was frozen; null when it is worked out afresh on every request.</param>
/// <param name="ChecklistAsOf">The time the checklist describes: <paramref name="FrozenAt"/>, or now for a live one.</param>
/// <param name="MovedFrom">Every date the plan was moved away from, oldest first.</param>
public sealed record ReinspectionPlanView(
    Guid Id,
    ProviderRef Provider,
    DateOnly PlannedOn,
    [property: OpenApiEnum(typeof(ReinspectionKind))] string Kind,
    [property: OpenApiEnum(typeof(ReinspectionPlanStatus))] string Status,
    DateTime? FrozenAt,
    DateTime ChecklistAsOf,
    IReadOnlyList<DateOnly> MovedFrom,
    string CreatedBy,
    DateTime CreatedAt,
    string? UpdatedBy,
    DateTime? UpdatedAt,
    IReadOnlyList<ChecklistItem> Checklist);

/// <summary>A plan in a list, without its checklist.</summary>
public sealed record ReinspectionPlanRow(
    Guid Id, ProviderRef Provider, DateOnly PlannedOn, [property: OpenApiEnum(typeof(ReinspectionKind))] string Kind,
    [property: OpenApiEnum(typeof(ReinspectionPlanStatus))] string Status, DateTime? FrozenAt, string CreatedBy, DateTime CreatedAt);

public static class ReinspectionPlans
{
    /// <summary>The plan, if it exists and this person may see its provider; otherwise null, so others' plans are not disclosed.</summary>
    public static async Task<ReinspectionPlan?> Find(PlanningDbContext db, Guid id, CurrentUser user, CancellationToken ct)
    {
        var plan = await db.ReinspectionPlans.FindAsync([id], ct);
        return plan is not null && user.CanSee(plan.ProviderId) ? plan : null;
    }

    public static async Task<ReinspectionPlanView> View(PlanningDbContext db, ReinspectionPlan plan, TimeProvider clock, CancellationToken ct)
    {
        var checklist = plan.FrozenChecklist is { } frozen
            ? Checklist.Deserialize(frozen)
            : await Checklist.Build(db, plan.ProviderId, ct);
        return new ReinspectionPlanView(
            plan.Id, await Provider(db, plan.ProviderId, ct), plan.PlannedOn, plan.Kind.ToString(), plan.Status.ToString(), plan.FrozenAt,
            plan.FrozenAt ?? clock.GetUtcNow().UtcDateTime, plan.MovedFrom, plan.CreatedBy, plan.CreatedAt, plan.UpdatedBy, plan.UpdatedAt,
            checklist);
    }

    public static async Task<List<ReinspectionPlanRow>> List(PlanningDbContext db, string? providerId, CurrentUser user, CancellationToken ct)
    {
        var plans = db.ReinspectionPlans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(providerId))
        {
            plans = plans.Where(p => p.ProviderId == providerId);
        }

        if (user.VisibleProviders is { } visible)
        {
            plans = plans.Where(p => visible.Contains(p.ProviderId));
        }

        var rows = await (
                from p in plans
                join provider in db.Providers.AsNoTracking() on p.ProviderId equals provider.ProviderId into named
                from provider in named.DefaultIfEmpty()
                select new { p, Name = provider == null ? null : provider.Name, Region = provider == null ? null : provider.Region })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.p.PlannedOn).ThenBy(r => r.p.CreatedAt).ThenBy(r => r.p.Id)
            .Select(r => new ReinspectionPlanRow(r.p.Id, new ProviderRef(r.p.ProviderId, r.Name ?? "", r.Region ?? ""), r.p.PlannedOn,
                r.p.Kind.ToString(), r.p.Status.ToString(), r.p.FrozenAt, r.p.CreatedBy, r.p.CreatedAt))
            .ToList();
    }

    private static async Task<ProviderRef> Provider(PlanningDbContext db, string providerId, CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderId == providerId, ct);
        return new ProviderRef(providerId, provider?.Name ?? "", provider?.Region ?? "");
    }
}
