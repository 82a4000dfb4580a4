using Tracking.Recommendations.Demo;
using Tracking.Recommendations.Domain;
using Tracking.Recommendations.Features.RecordInspection;

namespace Tracking.UnitTests.Recommendations;

public class The_Northumbria_demo_inspection
{
    private readonly RecordInspectionRequest _demo = NorthumbriaDemo.Inspection();

    [Fact]
    public void Passes_the_same_validation_as_any_recorded_inspection()
    {
        RecordInspectionValidator.Validate(_demo).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Is_the_2019_inspection_of_Northumbria_CRC_published_on_11_February_2020()
    {
        _demo.Provider!.Id.ShouldBe("northumbria-crc");
        _demo.Provider.Name.ShouldBe("Northumbria Community Rehabilitation Company");
        _demo.FieldworkStartedOn.ShouldBe(new DateOnly(2019, 9, 16));
        NorthumbriaDemo.PublishedOn.ShouldBe(new DateOnly(2020, 2, 11));
    }

    [Fact]
    public void Has_the_reports_eight_recommendations_numbered_1_to_8()
    {
        _demo.Recommendations!.Select(r => r.Number).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);
    }

    [Fact]
    public void Rates_each_of_the_ten_standards_once()
    {
        _demo.Standards!.Select(s => s.Code).ShouldBe(InspectionFramework.Standards.Select(s => s.Code), ignoreOrder: true);
    }

    [Fact]
    public void Is_rated_requires_improvement_overall()
    {
        _demo.OverallRating.ShouldBe(nameof(Rating.RequiresImprovement));
    }

    [Fact]
    public void Rates_every_case_supervision_standard_requires_improvement()
    {
        var caseSupervision = InspectionFramework.Standards.Where(s => s.Domain == "Case supervision").Select(s => s.Code).ToList();

        caseSupervision.ShouldBe(["2.1", "2.2", "2.3", "2.4"]);
        _demo.Standards!.Where(s => caseSupervision.Contains(s.Code!))
            .ShouldAllBe(s => s.Rating == nameof(Rating.RequiresImprovement));
    }

    [Fact]
    public void Labels_every_recommendation_text_as_illustrative()
    {
        _demo.Recommendations!.ShouldAllBe(r => r.Text!.StartsWith("[Illustrative text] "));
    }
}
