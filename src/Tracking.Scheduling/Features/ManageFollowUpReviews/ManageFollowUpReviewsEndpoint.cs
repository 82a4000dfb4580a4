using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Scheduling.Calendar;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.FollowUps;
using Tracking.Scheduling.Features.ViewSchedule;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Scheduling.Features.ManageFollowUpReviews;

/// <param name="DueOn">The new date of the review (UK date); today or later.</param>
public sealed record MoveFollowUpReviewRequest(DateOnly? DueOn);

public static class ManageFollowUpReviewsEndpoint
{
    public static RouteGroupBuilder MapManageFollowUpReviews(this RouteGroupBuilder schedule)
    {
        schedule.MapPut("/follow-up-reviews/{id:guid}", async (Guid id, MoveFollowUpReviewRequest request, SchedulingDbContext db,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                var validation = new Validation()
                    .Require(request.DueOn is not null, "dueOn", "Give the date the review is due.")
                    .Require(request.DueOn is null || request.DueOn >= UkWorkingDays.Today(now), "dueOn", "The review cannot be moved into the past.")
                    .WithinHorizon(request.DueOn, UkWorkingDays.Today(now), "dueOn");
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                return await Change(db, id, review => review.MoveTo(request.DueOn!.Value, user.Subject, now), ct);
            })
            .RequireAuthorization(TrackingPolicies.ManageSchedule)
            .WithName("MoveFollowUpReview")
            .WithSummary("Move a scheduled follow-up review to another date")
            .Produces<FollowUpReviewRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        schedule.MapPost("/follow-up-reviews/{id:guid}/cancellation", async (Guid id, SchedulingDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
                await Change(db, id, review => review.Cancel(user.Subject, clock.GetUtcNow()), ct, alreadyDone: FollowUpReviewStatus.Cancelled))
            .RequireAuthorization(TrackingPolicies.ManageSchedule)
            .WithName("CancelFollowUpReview")
            .WithSummary("Cancel a scheduled follow-up review; it will not be raised")
            .Produces<FollowUpReviewRow>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return schedule;
    }

    /// <param name="alreadyDone">A status in which repeating the request changes nothing and is answered as a success.</param>
    private static async Task<IResult> Change(SchedulingDbContext db, Guid id, Action<FollowUpReview> change, CancellationToken ct,
        FollowUpReviewStatus? alreadyDone = null)
    {
        var review = await db.FollowUpReviews.FindAsync([id], ct);
        if (review is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Follow-up review not found",
                detail: $"There is no follow-up review {id}.");
        }

        if (review.Status != alreadyDone)
        {
            if (review.WhyFixed is { } reason)
            {
                throw new ConflictException(reason);
            }

            change(review);
            await db.SaveChangesAsync(ct);
        }

        return Results.Ok(new FollowUpReviewRow(review.Id, review.InspectionId, review.ProviderId, review.DueOn, review.Status.ToString(),
            review.RaisedAt, review.UpdatedBy, review.UpdatedAt));
    }
}
