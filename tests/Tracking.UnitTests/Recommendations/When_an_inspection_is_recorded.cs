using Tracking.Recommendations.Demo;
using Tracking.Recommendations.Features.RecordInspection;

namespace Tracking.UnitTests.Recommendations;

public class When_an_inspection_is_recorded
{
    [Fact]
    public void A_complete_inspection_is_accepted()
    {
        var validation = RecordInspectionValidator.Validate(NorthumbriaDemo.Inspection());

        validation.IsValid.ShouldBeTrue();
        validation.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_provider_is_reported_against_provider()
    {
        ShouldBeRejectedAt(NorthumbriaDemo.Inspection() with { Provider = null }, "provider");
    }

    public static TheoryData<string?> BadProviderIds => new()
    {
        null,
        "",
        "Northumbria-CRC",
        "northumbria crc",
        " northumbria-crc",
        "a",
        "-northumbria-crc",
        new string('a', 65),
    };

    [Theory]
    [MemberData(nameof(BadProviderIds))]
    public void A_provider_id_that_is_not_a_short_lower_case_slug_is_reported_against_provider_id(string? id)
    {
        ShouldBeRejectedAt(WithProvider(p => p with { Id = id }), "provider.id");
    }

    public static TheoryData<string> GoodProviderIds => new() { "ab", "northumbria-crc", "north-east-pdu-2025", new string('a', 64) };

    [Theory]
    [MemberData(nameof(GoodProviderIds))]
    public void A_provider_id_of_2_to_64_lower_case_letters_digits_and_hyphens_is_accepted(string id)
    {
        RecordInspectionValidator.Validate(WithProvider(p => p with { Id = id })).Errors.ShouldBeEmpty();
    }

    public static TheoryData<string?> BlankOrOverlongNames => new() { null, "", "   ", new string('n', 201) };

    [Theory]
    [MemberData(nameof(BlankOrOverlongNames))]
    public void A_missing_or_overlong_provider_name_is_reported_against_provider_name(string? name)
    {
        ShouldBeRejectedAt(WithProvider(p => p with { Name = name }), "provider.name");
    }

    public static TheoryData<string?> BlankOrOverlongRegions => new() { null, "", "   ", new string('r', 101) };

    [Theory]
    [MemberData(nameof(BlankOrOverlongRegions))]
    public void A_missing_or_overlong_region_is_reported_against_provider_region(string? region)
    {
        ShouldBeRejectedAt(WithProvider(p => p with { Region = region }), "provider.region");
    }

    public static TheoryData<string?> BlankOrOverlongTitles => new() { null, "", "   ", new string('t', 301) };

    [Theory]
    [MemberData(nameof(BlankOrOverlongTitles))]
    public void A_missing_blank_or_overlong_title_is_reported_against_title(string? title)
    {
        ShouldBeRejectedAt(NorthumbriaDemo.Inspection() with { Title = title }, "title");
    }

    [Fact]
    public void A_missing_fieldwork_start_is_reported_against_fieldworkStartedOn()
    {
        ShouldBeRejectedAt(NorthumbriaDemo.Inspection() with { FieldworkStartedOn = null }, "fieldworkStartedOn");
    }

    [Fact]
    public void Fieldwork_ending_before_it_started_is_reported_against_fieldworkEndedOn()
    {
        var request = NorthumbriaDemo.Inspection() with
        {
            FieldworkStartedOn = new DateOnly(2019, 9, 16),
            FieldworkEndedOn = new DateOnly(2019, 9, 15),
        };

        ShouldBeRejectedAt(request, "fieldworkEndedOn");
    }

    [Fact]
    public void Fieldwork_of_a_single_day_or_with_no_end_date_is_accepted()
    {
        var sameDay = NorthumbriaDemo.Inspection() with
        {
            FieldworkStartedOn = new DateOnly(2019, 9, 16),
            FieldworkEndedOn = new DateOnly(2019, 9, 16),
        };
        var openEnded = NorthumbriaDemo.Inspection() with { FieldworkEndedOn = null };

        RecordInspectionValidator.Validate(sameDay).Errors.ShouldBeEmpty();
        RecordInspectionValidator.Validate(openEnded).Errors.ShouldBeEmpty();
    }

    public static TheoryData<string?> RatingsOffTheScale => new()
    {
        null,
        "",
        "Excellent",
        "0",
        "good",
        "Requires improvement",
        "Good, Outstanding",
    };

    [Theory]
    [MemberData(nameof(RatingsOffTheScale))]
    public void An_overall_rating_off_the_four_point_scale_is_reported_against_overallRating(string? rating)
    {
        ShouldBeRejectedAt(NorthumbriaDemo.Inspection() with { OverallRating = rating }, "overallRating");
    }

    [Theory]
    [InlineData("Outstanding")]
    [InlineData("Good")]
    [InlineData("RequiresImprovement")]
    [InlineData("Inadequate")]
    public void Each_rating_on_the_four_point_scale_is_accepted_overall(string rating)
    {
        RecordInspectionValidator.Validate(NorthumbriaDemo.Inspection() with { OverallRating = rating }).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Standards_that_leave_one_out_are_reported_against_standards_naming_the_missing_code()
    {
        var request = WithStandards(standards => standards.RemoveAll(s => s.Code == "2.3"));

        ShouldBeRejectedAt(request, "standards", mentioning: "2.3");
    }

    [Fact]
    public void No_standards_at_all_are_reported_against_standards()
    {
        ShouldBeRejectedAt(NorthumbriaDemo.Inspection() with { Standards = null }, "standards");
        ShouldBeRejectedAt(NorthumbriaDemo.Inspection() with { Standards = [] }, "standards");
    }

    [Fact]
    public void A_standard_outside_the_framework_is_reported_against_its_code()
    {
        var request = WithStandards(standards => standards.Add(new StandardRatingInput("5.1", "Good")));

        ShouldBeRejectedAt(request, "standards[10].code", mentioning: "5.1");
    }

    [Fact]
    public void A_standard_rated_twice_is_reported_against_standards_naming_it()
    {
        var request = WithStandards(standards => standards.Add(new StandardRatingInput("2.1", "Good")));

        ShouldBeRejectedAt(request, "standards", mentioning: "2.1");
    }

    [Theory]
    [MemberData(nameof(RatingsOffTheScale))]
    public void A_standard_rating_off_the_four_point_scale_is_reported_against_that_standards_rating(string? rating)
    {
        var request = WithStandards(standards => standards[4] = standards[4] with { Rating = rating });

        ShouldBeRejectedAt(request, "standards[4].rating");
    }

    [Fact]
    public void An_inspection_without_recommendations_is_reported_against_recommendations()
    {
        ShouldBeRejectedAt(NorthumbriaDemo.Inspection() with { Recommendations = null }, "recommendations");
        ShouldBeRejectedAt(NorthumbriaDemo.Inspection() with { Recommendations = [] }, "recommendations");
    }

    [Fact]
    public void More_than_a_hundred_recommendations_are_reported_against_recommendations()
    {
        var tooMany = Enumerable.Range(1, RecordInspectionValidator.MaxRecommendations + 1)
            .Select(n => new RecommendationInput(n, $"Recommendation {n}.", ["Provider"], []))
            .ToList();

        ShouldBeRejectedAt(NorthumbriaDemo.Inspection() with { Recommendations = tooMany }, "recommendations", mentioning: "100");
    }

    [Fact]
    public void Two_recommendations_with_the_same_number_are_reported_against_recommendations_naming_the_number()
    {
        var request = WithRecommendation(4, r => r with { Number = 3 });

        ShouldBeRejectedAt(request, "recommendations", mentioning: "3");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(null)]
    public void A_recommendation_not_numbered_from_1_is_reported_against_its_number(int? number)
    {
        ShouldBeRejectedAt(WithRecommendation(2, r => r with { Number = number }), "recommendations[2].number");
    }

    public static TheoryData<string?> BlankOrOverlongTexts => new() { null, "", "   ", new string('x', RecordInspectionValidator.MaxTextLength + 1) };

    [Theory]
    [MemberData(nameof(BlankOrOverlongTexts))]
    public void A_blank_or_overlong_recommendation_text_is_reported_against_its_text(string? text)
    {
        ShouldBeRejectedAt(WithRecommendation(2, r => r with { Text = text }), "recommendations[2].text");
    }

    [Fact]
    public void A_recommendation_text_of_exactly_4000_characters_is_accepted()
    {
        var request = WithRecommendation(2, r => r with { Text = new string('x', RecordInspectionValidator.MaxTextLength) });

        RecordInspectionValidator.Validate(request).Errors.ShouldBeEmpty();
    }

    public static TheoryData<List<string>?> NoAddressees => new() { null, new List<string>() };

    [Theory]
    [MemberData(nameof(NoAddressees))]
    public void A_recommendation_addressed_to_nobody_is_reported_against_its_addressees(List<string>? addressees)
    {
        ShouldBeRejectedAt(WithRecommendation(2, r => r with { Addressees = addressees }), "recommendations[2].addressees");
    }

    [Theory]
    [InlineData("Ofsted")]
    [InlineData("provider")]
    public void A_recommendation_addressed_to_an_unknown_body_is_reported_against_its_addressees_naming_it(string addressee)
    {
        var request = WithRecommendation(2, r => r with { Addressees = ["Provider", addressee] });

        ShouldBeRejectedAt(request, "recommendations[2].addressees", mentioning: addressee);
    }

    [Fact]
    public void A_recommendation_addressed_to_the_provider_hmpps_and_the_ministry_is_accepted()
    {
        var request = WithRecommendation(2, r => r with { Addressees = ["Provider", "Hmpps", "MinistryOfJustice"] });

        RecordInspectionValidator.Validate(request).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_recommendation_linked_to_a_standard_outside_the_framework_is_reported_against_its_linked_standards()
    {
        var request = WithRecommendation(2, r => r with { LinkedStandards = ["2.1", "5.1"] });

        ShouldBeRejectedAt(request, "recommendations[2].linkedStandards", mentioning: "5.1");
    }

    [Fact]
    public void A_recommendation_linked_to_no_standard_is_accepted()
    {
        RecordInspectionValidator.Validate(WithRecommendation(2, r => r with { LinkedStandards = null })).Errors.ShouldBeEmpty();
        RecordInspectionValidator.Validate(WithRecommendation(2, r => r with { LinkedStandards = [] })).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Several_mistakes_are_all_reported_together()
    {
        var request = WithRecommendation(0, r => r with { Number = 0, Addressees = ["Ofsted"] }) with
        {
            Provider = null,
            Title = " ",
            FieldworkStartedOn = null,
            OverallRating = "Excellent",
        };

        var errors = RecordInspectionValidator.Validate(request).Errors;

        errors.Keys.ShouldBe(
            ["provider", "title", "fieldworkStartedOn", "overallRating", "recommendations[0].number", "recommendations[0].addressees"],
            ignoreOrder: true);
    }

    private static void ShouldBeRejectedAt(RecordInspectionRequest request, string field, string? mentioning = null)
    {
        var validation = RecordInspectionValidator.Validate(request);

        validation.IsValid.ShouldBeFalse();
        validation.Errors.Keys.ShouldBe([field], $"only '{field}' should be reported");
        validation.Errors[field].ShouldNotBeEmpty();
        if (mentioning is not null)
        {
            validation.Errors[field].ShouldContain(message => message.Contains(mentioning), $"a message should name '{mentioning}'");
        }
    }

    private static RecordInspectionRequest WithProvider(Func<ProviderInput, ProviderInput> change)
    {
        var request = NorthumbriaDemo.Inspection();
        return request with { Provider = change(request.Provider!) };
    }

    private static RecordInspectionRequest WithStandards(Action<List<StandardRatingInput>> change)
    {
        var request = NorthumbriaDemo.Inspection();
        var standards = request.Standards!.ToList();
        change(standards);
        return request with { Standards = standards };
    }

    private static RecordInspectionRequest WithRecommendation(int index, Func<RecommendationInput, RecommendationInput> change)
    {
        var request = NorthumbriaDemo.Inspection();
        var recommendations = request.Recommendations!.ToList();
        recommendations[index] = change(recommendations[index]);
        return request with { Recommendations = recommendations };
    }
}
