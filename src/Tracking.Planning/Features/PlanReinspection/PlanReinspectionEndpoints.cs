using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Idempotency;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.PlanReinspection;

/// <param name="ProviderId">A provider planning has heard of (one with a published inspection).</param>
/// <param name="PlannedOn">The day of the visit (UK date); today or later.</param>
/// <param name="Kind">FullInspection or FollowUpReview.</param>
/// <param name="Freeze">True keeps the checklist as it stands now; false (the default) works it out afresh each time.</param>
public sealed record PlanReinspectionRequest(string? ProviderId, DateOnly? PlannedOn, [property: OpenApiEnum(typeof(ReinspectionKind))] string? Kind,
    [property: OpenApiOptional] bool? Freeze);

/// <param name="PlannedOn">The new day of the visit (UK date); today or later.</param>
public sealed record MoveReinspectionRequest(DateOnly? PlannedOn);

/// <summary>Planners and inspectors put reinspections in the diary, move them and cancel them.</summary>
public static class PlanReinspectionEndpoints
{
    public static RouteGroupBuilder MapPlanReinspection(this RouteGroupBuilder planning)
    {
        planning.MapPost("/reinspections", async (PlanReinspectionRequest request, PlanningDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
            {
                var validation = Validate(request, UkCalendar.Today(clock), out var kind);
                if (validation.IsValid && !await db.Providers.AnyAsync(p => p.ProviderId == request.ProviderId, ct))
                {
                    validation.Add("providerId", $"Planning has no provider '{request.ProviderId}': plan only for a provider with a published inspection.");
                }

                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var plan = ReinspectionPlan.Create(request.ProviderId!, request.PlannedOn!.Value, kind, user.Subject, now);
                if (request.Freeze == true)
                {
                    plan.Freeze(Checklist.Serialize(await Checklist.Build(db, plan.ProviderId, ct)), now);
                }

                db.ReinspectionPlans.Add(plan);
                await db.SaveChangesAsync(ct);
                return Results.Created($"/api/planning/reinspections/{plan.Id}", await ReinspectionPlans.View(db, plan, clock, ct));
            })
            .AddEndpointFilter<IdempotencyFilter<PlanningDbContext>>()
            .HonoursIdempotencyKey()
            .RequireAuthorization(TrackingPolicies.PlanReinspections)
            .WithName("PlanReinspection")
            .WithSummary("Plan a full inspection or follow-up review of a provider, with its checklist live or frozen now")
            .Produces<ReinspectionPlanView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        planning.MapPut("/reinspections/{id:guid}", async (Guid id, MoveReinspectionRequest request, PlanningDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
            {
                var validation = new Validation();
                RequireFutureDate(validation, request.PlannedOn, UkCalendar.Today(clock));
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                return await Change(db, id, user, clock, plan => plan.MoveTo(request.PlannedOn!.Value, user.Subject, clock.GetUtcNow().UtcDateTime), ct);
            })
            .RequireAuthorization(TrackingPolicies.PlanReinspections)
            .WithName("MoveReinspection")
            .WithSummary("Move a planned reinspection to another day; a cancelled one cannot be moved")
            .Produces<ReinspectionPlanView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        planning.MapPost("/reinspections/{id:guid}/cancellation", async (Guid id, PlanningDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
                await Change(db, id, user, clock, plan => plan.Cancel(user.Subject, clock.GetUtcNow().UtcDateTime), ct,
                    alreadyDone: ReinspectionPlanStatus.Cancelled))
            .AddEndpointFilter<IdempotencyFilter<PlanningDbContext>>()
            .HonoursIdempotencyKey()
            .RequireAuthorization(TrackingPolicies.PlanReinspections)
            .WithName("CancelReinspection")
            .WithSummary("Cancel a planned reinspection; it stays on record as cancelled")
            .Produces<ReinspectionPlanView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return planning;
    }

    /// <param name="alreadyDone">
    /// A status in which repeating the request changes nothing and is answered as a success: cancelling what is
    /// already cancelled is a retry of the same intent, as for follow-up reviews, not a conflict.
    /// </param>
    private static async Task<IResult> Change(PlanningDbContext db, Guid id, CurrentUser user, TimeProvider clock, Action<ReinspectionPlan> change,
        CancellationToken ct, ReinspectionPlanStatus? alreadyDone = null)
    {
        var plan = await ReinspectionPlans.Find(db, id, user, ct);
        if (plan is null)
        {
            return NotFound(id);
        }

        if (plan.Status == alreadyDone)
        {
            return Results.Ok(await ReinspectionPlans.View(db, plan, clock, ct));
        }

        if (plan.WhyFixed is { } reason)
        {
            throw new ConflictException(reason);
        }

        change(plan);
        await db.SaveChangesAsync(ct);
        return Results.Ok(await ReinspectionPlans.View(db, plan, clock, ct));
    }

    public static IResult NotFound(Guid id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Reinspection plan not found", detail: $"There is no reinspection plan {id}.");

    private static Validation Validate(PlanReinspectionRequest request, DateOnly today, out ReinspectionKind kind)
    {
        var validation = new Validation();
        if (string.IsNullOrWhiteSpace(request.ProviderId))
        {
            validation.Add("providerId", "Enter the provider to reinspect.");
        }

        RequireFutureDate(validation, request.PlannedOn, today);
        // By name only, in any case: "1" is not a kind of visit.
        var name = Enum.GetNames<ReinspectionKind>().FirstOrDefault(n => string.Equals(n, request.Kind?.Trim(), StringComparison.OrdinalIgnoreCase));
        kind = name is null ? default : Enum.Parse<ReinspectionKind>(name);
        if (name is null)
        {
            validation.Add("kind", $"Use one of: {string.Join(", ", Enum.GetNames<ReinspectionKind>())}.");
        }

        return validation;
    }

    private static void RequireFutureDate(Validation validation, DateOnly? plannedOn, DateOnly today)
    {
        if (plannedOn is null)
        {
            validation.Add("plannedOn", "Enter the day of the visit.");
        }
        else
        {
            validation.Require(plannedOn >= today, "plannedOn", "The visit cannot be planned in the past.")
                .WithinHorizon(plannedOn, today, "plannedOn");
        }
    }
}
