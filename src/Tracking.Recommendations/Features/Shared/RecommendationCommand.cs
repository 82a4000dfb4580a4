using Microsoft.AspNetCore.Http;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Recommendations.Features.Shared;

/// <summary>
/// How every lifecycle command runs: load the recommendation the person may see (otherwise 404, so another
/// provider's data is not disclosed), apply the change in the domain, and save the change, its history line and
/// its event in one SaveChanges. The lifecycle's refusals surface as 409 through the problem handler.
/// </summary>
public sealed class RecommendationCommand(RecommendationsDbContext db, CurrentUser user, TimeProvider clock)
{
    public DateOnly Today => UkCalendar.Today(clock.GetUtcNow());

    public async Task<IResult> Run<TEvent>(
        Guid recommendationId,
        Func<Recommendation, Actor, DateTimeOffset, TEvent> change,
        Func<Recommendation, TEvent, IResult> answer,
        CancellationToken cancellationToken)
        where TEvent : class
    {
        var recommendation = await db.LoadRecommendation(recommendationId, cancellationToken);
        if (recommendation is null || !user.CanSee(recommendation.ProviderId))
        {
            return NotFound(recommendationId);
        }

        var raised = await Apply(recommendation, change, cancellationToken);
        return answer(recommendation, raised);
    }

    /// <summary>
    /// The change on a recommendation the handler loaded itself (only what the command needs, already checked to be
    /// visible): applied in the domain and saved with its history line and event in one SaveChanges.
    /// </summary>
    public async Task<TEvent> Apply<TEvent>(Recommendation recommendation, Func<Recommendation, Actor, DateTimeOffset, TEvent> change,
        CancellationToken cancellationToken)
        where TEvent : class
    {
        var now = clock.GetUtcNow();
        var raised = change(recommendation, new Actor(user.Subject, user.DisplayName), now);
        db.Publish(raised, now);
        await db.SaveChangesAsync(cancellationToken);
        return raised;
    }

    public static IResult NotFound(Guid recommendationId) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Recommendation not found", detail: $"There is no recommendation {recommendationId}.");
}
