using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Forms;
using Tracking.Web.Ui.Errors;

namespace Tracking.Web.Pages.Planning;

/// <summary>Outstanding actions across providers, filtered and sorted, a page at a time, with exports of the same filter.</summary>
public sealed class OutstandingModel(PlanningApi api) : PlanningPage
{
    public const int PageSize = 25;

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["providerId"] = "Provider", ["region"] = "Region", ["standard"] = "Standard", ["status"] = "Status", ["overdue"] = "Overdue",
        ["addressee"] = "Addressee", ["minAgeDays"] = "MinAgeDays", ["sort"] = "Sort", ["after"] = "After",
    };

    [BindProperty(Name = "providerId", SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Standard { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Addressee { get; set; }
    [BindProperty(SupportsGet = true)] public string? MinAgeDays { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    /// <summary>1 on the first page; carried along the Next links so the page can say where it is ("page" is Razor Pages' own route value).</summary>
    [BindProperty(Name = "pageNumber", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public OutstandingFilters Filters => new(Provider, Region, Standard, Status, Overdue, Addressee, MinAgeDays, Sort);

    public IReadOnlyList<PlannedOutstandingRow> Rows { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public IReadOnlyList<ProviderRef> Providers { get; private set; } = [];

    public IReadOnlyList<string> Regions { get; private set; } = [];

    public IReadOnlyList<Theme> Standards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var overview = (await api.Regions()).Value;
        Regions = overview?.Regions.Select(r => r.Region).ToList() ?? [];
        var providers = new List<ProviderRef>();
        foreach (var region in Regions)
        {
            providers.AddRange((await api.Region(region)).Value?.Providers.Select(p => p.Provider) ?? []);
        }

        Providers = providers.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        Standards = (await api.Themes(null)).Value?.Themes.OrderBy(t => t.Standard, StringComparer.Ordinal).ToList() ?? [];
        var page = await api.Outstanding(Filters, After, PageSize);
        if (!page.Succeeded)
        {
            ModelState.AddProblemDetails(page.Problem, Fields);
            return Page();
        }

        Rows = page.Value!.Items;
        NextCursor = page.Value.NextCursor;
        return Page();
    }

    /// <summary>This list's address with one filter changed (null removes it), starting again at the first page.</summary>
    public string With(string name, string? value)
    {
        var filters = name switch
        {
            "providerId" => Filters with { ProviderId = value },
            "region" => Filters with { Region = value },
            "standard" => Filters with { Standard = value },
            "status" => Filters with { Status = value },
            "overdue" => Filters with { Overdue = value },
            "addressee" => Filters with { Addressee = value },
            "minAgeDays" => Filters with { MinAgeDays = value },
            _ => Filters with { Sort = value },
        };
        return "/planning/outstanding?" + filters.ToQuery();
    }

    /// <summary>The filters in use, each with the label of its "remove" tag.</summary>
    public IReadOnlyList<(string Heading, string Label, string Remove)> Selected()
    {
        var selected = new List<(string, string, string)>();
        void Add(string heading, string name, string? value, Func<string, string> label)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                selected.Add((heading, label(value), With(name, null)));
            }
        }

        Add("Provider", "providerId", Provider, v => Providers.FirstOrDefault(p => p.Id == v)?.Name ?? v);
        Add("Region", "region", Region, v => v);
        Add("Standard", "standard", Standard, v => Standards.FirstOrDefault(s => s.Standard == v) is { } s ? $"{s.Standard} {s.Name}" : v);
        Add("Status", "status", Status, Display.Status);
        Add("Overdue", "overdue", Overdue, v => v == "true" ? "Overdue" : v == "false" ? "Not overdue" : v);
        Add("Addressed to", "addressee", Addressee, Display.Addressee);
        Add("Age", "minAgeDays", MinAgeDays, v => $"Older than {v} days");
        return selected;
    }

    public static readonly IReadOnlyList<(string Value, string Label)> Ages =
        [("", "Any age"), ("90", "Older than 90 days"), ("180", "Older than 180 days"), ("365", "Older than a year"), ("730", "Older than two years")];

    public static readonly IReadOnlyList<(string Value, string Label)> Sorts =
        [("dueDate", "Next due first"), ("daysOverdue", "Most overdue first"), ("provider", "Provider name")];

    public static readonly IReadOnlyList<string> StatusValues = ["AwaitingResponse", "InProgress", "EvidenceSubmitted", "Closed"];

    public static readonly IReadOnlyList<string> AddresseeValues = ["Provider", "Hmpps", "MinistryOfJustice"];
}
