using Microsoft.EntityFrameworkCore;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Domain;

namespace Tracking.Recommendations.Features.PublishInspection;

/// <summary>
/// Publishes an inspection: its status and every event it raises (one InspectionPublished and one
/// RecommendationPublished per recommendation) are saved in one transaction through the outbox.
/// </summary>
public sealed class PublishInspectionHandler(RecommendationsDbContext db, TimeProvider clock)
{
    /// <returns>The published inspection, or null when there is no such inspection.</returns>
    public async Task<Inspection?> Handle(Guid inspectionId, DateOnly? publishedOn, string publishedBy, string? publishedByName,
        CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.Include(i => i.Recommendations).FirstOrDefaultAsync(i => i.Id == inspectionId, cancellationToken);
        if (inspection is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var (inspectionPublished, recommendationsPublished) = inspection.Publish(publishedOn ?? UkCalendar.Today(now), now, publishedBy, publishedByName);
        db.Publish(inspectionPublished, now);
        foreach (var recommendationPublished in recommendationsPublished)
        {
            db.Publish(recommendationPublished, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return inspection;
    }
}
