using System.Text.RegularExpressions;
using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.Http;

namespace Tracking.Recommendations.Features.RecordInspection;

public static partial class RecordInspectionValidator
{
    public const int MaxRecommendations = 100;
    public const int MaxTextLength = 4000;

    public static Validation Validate(RecordInspectionRequest request)
    {
        var result = new Validation();
        ValidateProvider(request.Provider, result);
        result.Require(!string.IsNullOrWhiteSpace(request.Title), "title", "Enter the inspection's title.");
        result.Require(request.Title is null || request.Title.Length <= 300, "title", "The title must be 300 characters or fewer.");
        result.Require(request.FieldworkStartedOn is not null, "fieldworkStartedOn", "Enter the date fieldwork started.");
        if (request.FieldworkStartedOn is { } started && request.FieldworkEndedOn is { } ended && ended < started)
        {
            result.Add("fieldworkEndedOn", "Fieldwork cannot end before it started.");
        }

        result.Require(IsRating(request.OverallRating), "overallRating", RatingMessage);
        ValidateStandards(request.Standards, result);
        ValidateRecommendations(request.Recommendations, result);
        return result;
    }

    private const string RatingMessage = "Use one of: Outstanding, Good, RequiresImprovement, Inadequate.";

    private static bool IsRating(string? value) => Enum.GetNames<Rating>().Contains(value);

    private static void ValidateProvider(ProviderInput? provider, Validation result)
    {
        if (provider is null)
        {
            result.Add("provider", "Enter the provider that was inspected.");
            return;
        }

        result.Require(provider.Id is not null && ProviderIdPattern().IsMatch(provider.Id), "provider.id",
            "Enter the provider's id: 2 to 64 lower-case letters, digits and hyphens, e.g. northumbria-crc.");
        result.Require(!string.IsNullOrWhiteSpace(provider.Name) && provider.Name.Length <= 200, "provider.name",
            "Enter the provider's name (200 characters or fewer).");
        result.Require(!string.IsNullOrWhiteSpace(provider.Region) && provider.Region.Length <= 100, "provider.region",
            "Enter the provider's region (100 characters or fewer).");
    }

    private static void ValidateStandards(List<StandardRatingInput>? standards, Validation result)
    {
        if (standards is null || standards.Count == 0)
        {
            result.Add("standards", "Rate all ten standards of the framework.");
            return;
        }

        if (standards.Any(s => s is null))
        {
            result.Add("standards", "A standard's rating is empty.");
            return;
        }

        for (var i = 0; i < standards.Count; i++)
        {
            var code = standards[i].Code;
            result.Require(InspectionFramework.Find(code) is not null, $"standards[{i}].code",
                $"'{code}' is not a standard of the framework; use one of {string.Join(", ", InspectionFramework.Standards.Select(s => s.Code))}.");
            result.Require(IsRating(standards[i].Rating), $"standards[{i}].rating", RatingMessage);
        }

        foreach (var duplicate in standards.GroupBy(s => s.Code).Where(g => g.Count() > 1 && g.Key is not null))
        {
            result.Add("standards", $"Standard {duplicate.Key} is rated more than once.");
        }

        var missing = InspectionFramework.Standards.Select(s => s.Code).Except(standards.Select(s => s.Code ?? "")).ToList();
        if (missing.Count > 0)
        {
            result.Add("standards", $"Rate every standard; missing: {string.Join(", ", missing)}.");
        }
    }

    private static void ValidateRecommendations(List<RecommendationInput>? recommendations, Validation result)
    {
        if (recommendations is null || recommendations.Count == 0)
        {
            result.Add("recommendations", "Enter at least one recommendation.");
            return;
        }

        if (recommendations.Count > MaxRecommendations)
        {
            result.Add("recommendations", $"An inspection can have at most {MaxRecommendations} recommendations.");
            return;
        }

        if (recommendations.Any(r => r is null))
        {
            result.Add("recommendations", "A recommendation is empty.");
            return;
        }

        for (var i = 0; i < recommendations.Count; i++)
        {
            var recommendation = recommendations[i];
            var field = $"recommendations[{i}]";
            result.Require(recommendation.Number is > 0, $"{field}.number", "Number each recommendation from 1.");
            result.Require(!string.IsNullOrWhiteSpace(recommendation.Text), $"{field}.text", "Enter the recommendation's text.");
            result.Require(recommendation.Text is null || recommendation.Text.Length <= MaxTextLength, $"{field}.text",
                $"The text must be {MaxTextLength} characters or fewer.");
            if (recommendation.Addressees is null || recommendation.Addressees.Count == 0)
            {
                result.Add($"{field}.addressees", "Say who the recommendation is addressed to: Provider, Hmpps or MinistryOfJustice.");
            }
            else
            {
                foreach (var addressee in recommendation.Addressees.Where(a => !Enum.GetNames<Addressee>().Contains(a)))
                {
                    result.Add($"{field}.addressees", $"'{addressee}' is not an addressee; use Provider, Hmpps or MinistryOfJustice.");
                }
            }

            foreach (var code in (recommendation.LinkedStandards ?? []).Where(c => InspectionFramework.Find(c) is null))
            {
                result.Add($"{field}.linkedStandards", $"'{code}' is not a standard of the framework.");
            }
        }

        foreach (var duplicate in recommendations.Where(r => r.Number is > 0).GroupBy(r => r.Number).Where(g => g.Count() > 1))
        {
            result.Add("recommendations", $"Recommendation number {duplicate.Key} is used more than once.");
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,63}\z")]
    private static partial Regex ProviderIdPattern();
}
