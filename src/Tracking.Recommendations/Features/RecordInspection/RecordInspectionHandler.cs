using Tracking.Recommendations.Data;
using Tracking.Recommendations.Domain;

namespace Tracking.Recommendations.Features.RecordInspection;

/// <summary>Stores a validated inspection as a draft; nothing is published until the inspector says so.</summary>
public sealed class RecordInspectionHandler(RecommendationsDbContext db, TimeProvider clock)
{
    public async Task<Inspection> Handle(RecordInspectionRequest request, string recordedBy, CancellationToken cancellationToken)
    {
        var inspectionId = Guid.CreateVersion7();
        var inspection = new Inspection
        {
            Id = inspectionId,
            ProviderId = request.Provider!.Id!,
            ProviderName = request.Provider.Name!.Trim(),
            Region = request.Provider.Region!.Trim(),
            Title = request.Title!.Trim(),
            FieldworkStartedOn = request.FieldworkStartedOn!.Value,
            FieldworkEndedOn = request.FieldworkEndedOn,
            OverallRating = Enum.Parse<Rating>(request.OverallRating!),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = recordedBy,
            Standards = request.Standards!
                .Select(s => new InspectionStandard { Code = s.Code!, Rating = Enum.Parse<Rating>(s.Rating!) })
                .OrderBy(s => s.Code, StringComparer.Ordinal)
                .ToList(),
            Recommendations = request.Recommendations!
                .Select(r => new Recommendation
                {
                    Id = Guid.CreateVersion7(),
                    InspectionId = inspectionId,
                    ProviderId = request.Provider.Id!,
                    Number = r.Number!.Value,
                    Text = r.Text!.Trim(),
                    Addressees = r.Addressees!.Select(a => Enum.Parse<Addressee>(a).ToString()).Distinct().ToList(),
                    LinkedStandards = (r.LinkedStandards ?? []).Distinct().Order(StringComparer.Ordinal).ToList(),
                })
                .ToList(),
        };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(cancellationToken);
        return inspection;
    }
}
