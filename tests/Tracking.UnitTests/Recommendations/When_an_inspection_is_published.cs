using Tracking.Contracts;
using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.Http;

namespace Tracking.UnitTests.Recommendations;

public class When_an_inspection_is_published
{
    private static readonly DateOnly PublishedOn = new(2020, 2, 11);
    private static readonly DateTimeOffset Now = new(2020, 2, 11, 0, 1, 0, TimeSpan.Zero);
    private const string Inspector = "inspector-subject";
    private static readonly ProviderRef Northumbria = new("northumbria-crc", "Northumbria Community Rehabilitation Company", "North East");

    private readonly Inspection _inspection = new()
    {
        Id = Guid.NewGuid(),
        ProviderId = Northumbria.Id,
        ProviderName = Northumbria.Name,
        Region = Northumbria.Region,
        Title = "An inspection of Northumbria Community Rehabilitation Company",
        FieldworkStartedOn = new DateOnly(2019, 9, 16),
        FieldworkEndedOn = new DateOnly(2019, 9, 27),
        OverallRating = Rating.RequiresImprovement,
        Standards = InspectionFramework.Standards.Select(s => new InspectionStandard { Code = s.Code, Rating = Rating.RequiresImprovement }).ToList(),
        Recommendations =
        [
            Recommendation(3, "Complete the expected home visits.", ["Provider"], ["2.3"]),
            Recommendation(1, "Analyse risks of harm in depth.", ["Provider"], ["2.1"]),
            Recommendation(2, "Share safeguarding information in time.", ["Provider", "Hmpps"], ["1.4", "2.1"]),
        ],
    };

    [Fact]
    public void The_history_line_names_the_person_who_published_not_their_token_subject()
    {
        _inspection.Publish(PublishedOn, Now, Inspector, "Ann Inspector");

        var line = _inspection.Recommendations.First().History.ShouldHaveSingleItem();
        line.ActorName.ShouldBe("Ann Inspector");
        line.ActorSubject.ShouldBe(Inspector);
    }

    [Fact]
    public void A_draft_inspection_and_its_recommendations_are_not_yet_tracked()
    {
        _inspection.Status.ShouldBe(InspectionStatus.Draft);
        _inspection.Version.ShouldBe(0);
        _inspection.PublishedOn.ShouldBeNull();
        _inspection.Recommendations.ShouldAllBe(r => r.Status == RecommendationStatus.Draft);
    }

    [Fact]
    public void It_announces_the_inspection_with_its_provider_ratings_and_recommendations_in_number_order()
    {
        var (published, _) = _inspection.Publish(PublishedOn, Now, Inspector);

        published.InspectionId.ShouldBe(_inspection.Id);
        published.Provider.ShouldBe(Northumbria);
        published.Title.ShouldBe("An inspection of Northumbria Community Rehabilitation Company");
        published.OverallRating.ShouldBe("RequiresImprovement");
        published.Standards.Select(s => s.Code).ShouldBe(InspectionFramework.Standards.Select(s => s.Code));
        published.Standards.ShouldContain(new StandardRating("3.2", "Through the Gate", "RequiresImprovement"));
        published.RecommendationIds.ShouldBe([IdOf(1), IdOf(2), IdOf(3)]);
        published.PublishedOn.ShouldBe(PublishedOn);
        published.PublishedAt.ShouldBe(Now);
        published.PublishedBy.ShouldBe(Inspector);
        _inspection.PublishedBy.ShouldBe(Inspector);
    }

    [Fact]
    public void It_announces_each_recommendation_once_in_number_order()
    {
        var (_, recommendations) = _inspection.Publish(PublishedOn, Now, Inspector);

        recommendations.Select(r => r.Number).ShouldBe([1, 2, 3]);
        recommendations.Select(r => r.RecommendationId).ShouldBe([IdOf(1), IdOf(2), IdOf(3)]);
    }

    [Fact]
    public void Each_announced_recommendation_carries_its_provider_text_addressees_standards_and_publication_dates()
    {
        var (_, recommendations) = _inspection.Publish(PublishedOn, Now, Inspector);

        var second = recommendations.Single(r => r.Number == 2);
        second.InspectionId.ShouldBe(_inspection.Id);
        second.Provider.ShouldBe(Northumbria);
        second.Text.ShouldBe("Share safeguarding information in time.");
        second.Addressees.ShouldBe(["Provider", "Hmpps"]);
        second.LinkedStandards.ShouldBe(["1.4", "2.1"]);
        recommendations.ShouldAllBe(r => r.Provider == Northumbria && r.PublishedOn == PublishedOn && r.PublishedAt == Now);
    }

    [Fact]
    public void The_inspection_is_published_and_every_recommendation_awaits_the_providers_response()
    {
        _inspection.Publish(PublishedOn, Now, Inspector);

        _inspection.Status.ShouldBe(InspectionStatus.Published);
        _inspection.PublishedOn.ShouldBe(PublishedOn);
        _inspection.PublishedAt.ShouldBe(Now.UtcDateTime);
        _inspection.Version.ShouldBe(1);
        _inspection.Recommendations.ShouldAllBe(r => r.Status == RecommendationStatus.AwaitingResponse);
        _inspection.Recommendations.ShouldAllBe(r => r.PublishedAt == Now.UtcDateTime);
    }

    [Fact]
    public void The_moment_of_publication_is_kept_in_utc_whatever_the_offset_given()
    {
        var inBritishSummerTime = new DateTimeOffset(2026, 7, 2, 0, 30, 0, TimeSpan.FromHours(1));

        var (published, recommendations) = _inspection.Publish(new DateOnly(2026, 7, 2), inBritishSummerTime, Inspector);

        _inspection.PublishedAt.ShouldBe(new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc));
        _inspection.PublishedAt!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        published.PublishedAt.ShouldBe(inBritishSummerTime);
        recommendations.ShouldAllBe(r => r.PublishedAt == inBritishSummerTime);
    }

    [Fact]
    public void Publishing_it_again_is_refused_and_changes_nothing()
    {
        _inspection.Publish(PublishedOn, Now, Inspector);
        var later = Now.AddDays(1);

        var refusal = Should.Throw<ConflictException>(() => _inspection.Publish(PublishedOn.AddDays(1), later, Inspector));

        refusal.Message.ShouldContain("2020-02-11");
        _inspection.Status.ShouldBe(InspectionStatus.Published);
        _inspection.PublishedOn.ShouldBe(PublishedOn);
        _inspection.PublishedAt.ShouldBe(Now.UtcDateTime);
        _inspection.Version.ShouldBe(1);
        _inspection.Recommendations.ShouldAllBe(r => r.PublishedAt == Now.UtcDateTime);
    }

    private Guid IdOf(int number) => _inspection.Recommendations.Single(r => r.Number == number).Id;

    private static Recommendation Recommendation(int number, string text, List<string> addressees, List<string> linkedStandards) => new()
    {
        Id = Guid.NewGuid(),
        ProviderId = Northumbria.Id,
        Number = number,
        Text = text,
        Addressees = addressees,
        LinkedStandards = linkedStandards,
    };
}
