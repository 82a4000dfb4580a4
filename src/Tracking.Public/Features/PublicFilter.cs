using Tracking.Public.ReadModel;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Public.Features;

/// <summary>What the public may narrow the providers and the open data to.</summary>
public sealed record PublicFilter(string? Search, string? Region, PublicStatus? Status, string? Standard)
{
    public static readonly PublicFilter None = new(null, null, null, null);

    public bool NarrowsRecommendations => Status is not null || Standard is not null;
}

/// <summary>The filters as typed in a query string; read as text so each value that cannot be understood is named in a 400.</summary>
public sealed record PublicFilterParameters(string? Search = null, string? Region = null, string? Status = null, string? Standard = null)
{
    public static readonly QueryParameter[] Docs =
    [
        new("search", "Only providers whose name or id contains this text (any case)."),
        new("region", "Only providers in this region, as named on the provider (any case)."),
        new("status", "Only providers with a recommendation in this public status (and, in open data, only those recommendations).",
            Values: Enum.GetNames<PublicStatus>()),
        new("standard", "Only providers with a recommendation linked to this framework standard (and, in open data, only those recommendations).",
            Values: PublicVocabulary.Standards),
    ];

    public Validation Read(out PublicFilter filter)
    {
        var validation = new Validation();
        PublicStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (PublicStatuses.TryRead(Status, out var known))
            {
                status = known;
            }
            else
            {
                validation.Add("status", $"Unknown status '{Status}': use one of {string.Join(", ", Enum.GetNames<PublicStatus>())}.");
            }
        }

        var standard = string.IsNullOrWhiteSpace(Standard) ? null : Standard.Trim();
        if (standard is not null && !PublicVocabulary.Standards.Contains(standard))
        {
            validation.Add("standard", $"Unknown standard '{Standard}': use one of {string.Join(", ", PublicVocabulary.Standards)}.");
        }

        validation.Require(Search is null || Search.Length <= 200, "search", "Search for at most 200 characters.");
        validation.Require(Region is null || Region.Length <= 100, "region", "A region name has at most 100 characters.");
        filter = new PublicFilter(
            string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(), string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(), status, standard);
        return validation;
    }
}
