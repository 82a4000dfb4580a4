using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;

namespace Tracking.IntegrationTests;

/// <summary>
/// Inside the planning figures and exports, not just at their door: a provider manager's themes, CSV and workbook
/// hold their own provider's recommendations and nothing of the other provider's on the same server.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class What_a_provider_manager_sees_in_planning_figures(TwoProvidersFixture world) : IClassFixture<TwoProvidersFixture>
{
    public static TheoryData<string, string> Managers => new()
    {
        { "manager-own", NorthumbriaDemo.ProviderId },
        { "manager-other", TwoProvidersFixture.OtherProvider },
    };

    [Fact]
    public async Task A_planner_sees_both_providers_in_the_themes()
    {
        var themes = await world.As("planner").GetFromJsonAsync<JsonElement>("/api/planning/themes", TrackingApi.Json);

        themes.GetProperty("openRecommendations").GetInt32().ShouldBe(16);
        themes.GetProperty("themes").EnumerateArray().Max(t => t.GetProperty("providers").GetInt32()).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Managers))]
    public async Task The_themes_count_only_their_own_providers_open_recommendations(string who, string provider)
    {
        var manager = world.As(who);
        var own = await TrackingApi.Outstanding(manager, provider);
        own.Count.ShouldBe(8);

        var themes = await manager.GetFromJsonAsync<JsonElement>("/api/planning/themes", TrackingApi.Json);

        themes.GetProperty("openRecommendations").GetInt32().ShouldBe(own.Count);
        foreach (var theme in themes.GetProperty("themes").EnumerateArray())
        {
            var standard = theme.GetProperty("standard").GetString()!;
            var expected = own.Count(r => r.GetProperty("linkedStandards").EnumerateArray().Any(s => s.GetString() == standard));
            theme.GetProperty("open").GetInt32().ShouldBe(expected, $"{who}: standard {standard}");
            theme.GetProperty("providers").GetInt32().ShouldBe(expected > 0 ? 1 : 0, $"{who}: standard {standard}");
        }
    }

    [Theory]
    [MemberData(nameof(Managers))]
    public async Task The_csv_export_holds_only_their_own_providers_rows(string who, string provider)
    {
        var manager = world.As(who);
        var own = (await TrackingApi.Outstanding(manager, provider)).Select(r => r.GetProperty("recommendationId").GetGuid()).ToList();

        using var csv = CsvReader.Create(await manager.GetByteArrayAsync("/api/planning/outstanding/export.csv"), CsvReaderOptions.Default);
        var (providerColumn, idColumn) = (csv.Headers.ToList().IndexOf("Provider id"), csv.Headers.ToList().IndexOf("Recommendation id"));
        var rows = new List<(string Provider, Guid Id)>();
        while (csv.Read())
        {
            rows.Add((csv.GetString(providerColumn) ?? "", Guid.Parse(csv.GetString(idColumn)!)));
        }

        rows.ShouldAllBe(r => r.Provider == provider);
        rows.Select(r => r.Id).ShouldBe(own, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Managers))]
    public async Task The_workbook_export_holds_only_their_own_providers_rows(string who, string provider)
    {
        var manager = world.As(who);
        var own = (await TrackingApi.Outstanding(manager, provider)).Select(r => r.GetProperty("recommendationId").GetGuid()).ToList();

        using var workbook = new XLWorkbook(new MemoryStream(await manager.GetByteArrayAsync("/api/planning/outstanding/export.xlsx")));

        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 2).GetString().ShouldBe("Provider id");
        var rows = Enumerable.Range(2, sheet.LastRowUsed().RowNumber() - 1)
            .Select(row => (Provider: sheet.Cell(row, 2).GetString(), Id: Guid.Parse(sheet.Cell(row, 18).GetString()))).ToList();
        rows.ShouldAllBe(r => r.Provider == provider);
        rows.Select(r => r.Id).ShouldBe(own, ignoreOrder: true);
    }
}
