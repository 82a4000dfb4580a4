using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.PlanReinspection;

/// <summary>Everyone who reads planning sees reinspection plans; a provider manager only their own providers'.</summary>
public static class ViewReinspectionPlansEndpoints
{
    public static RouteGroupBuilder MapViewReinspectionPlans(this RouteGroupBuilder planning)
    {
        planning.MapGet("/reinspections/{id:guid}", async (Guid id, PlanningDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await ReinspectionPlans.Find(db, id, user, ct) is { } plan
                    ? Results.Ok(await ReinspectionPlans.View(db, plan, clock, ct))
                    : PlanReinspectionEndpoints.NotFound(id))
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ViewReinspectionPlan")
            .WithSummary("A reinspection plan and its checklist: every open recommendation with its actions, evidence and last judgement")
            .Produces<ReinspectionPlanView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        planning.MapGet("/reinspections", async (string? providerId, PlanningDbContext db, CurrentUser user, CancellationToken ct) =>
                Results.Ok(await ReinspectionPlans.List(db, providerId, user, ct)))
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ListReinspectionPlans")
            .WithSummary("Reinspection plans, planned and cancelled, soonest first, optionally for one provider")
            .DescribeQuery(new QueryParameter("providerId", "Only this provider's plans."))
            .Produces<List<ReinspectionPlanRow>>();
        return planning;
    }
}
