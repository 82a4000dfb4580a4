using System.Text.Json.Nodes;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.IntegrationTests;

/// <summary>
/// The served OpenAPI document is the approved one in docs/openapi/v1.json. After an intended API change, approve the
/// new document with `UPDATE_OPENAPI=1 dotnet test tests/Tracking.IntegrationTests --filter When_the_api_contract_is_checked`;
/// a breaking change is approved only with a new version (TrackingOpenApi.Version) whose decision the README records.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_the_api_contract_is_checked : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_served_document_is_the_approved_one()
    {
        await using var host = TrackingHost.Embedded(_dataFolder);
        var servedText = await host.OpenApiDocument();
        var served = JsonNode.Parse(servedText)!;
        var approvedFile = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");
        var approved = File.Exists(approvedFile) ? JsonNode.Parse(await File.ReadAllTextAsync(approvedFile)) : null;
        var breaking = approved is null ? [] : OpenApiChanges.Breaking(approved, served);
        var decided = breaking.Count == 0 || VersionDecisionRecorded(approved!, served);

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1" && decided)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approvedFile)!);
            await File.WriteAllTextAsync(approvedFile, servedText.TrimEnd() + "\n");
            return;
        }

        decided.ShouldBeTrue(
            $"The served document breaks clients of the approved one:\n  {string.Join("\n  ", breaking)}\n"
            + $"Raise TrackingOpenApi.Version (now {served["info"]?["version"]}) and record the decision in the README's "
            + "'API versions' table, then approve with UPDATE_OPENAPI=1.");
        approved.ShouldNotBeNull($"{approvedFile} is missing: create it with UPDATE_OPENAPI=1.");
        JsonNode.DeepEquals(approved, served).ShouldBeTrue(
            "The served /openapi/v1.json differs from docs/openapi/v1.json. If the change is intended, approve it with "
            + "UPDATE_OPENAPI=1 dotnet test tests/Tracking.IntegrationTests --filter When_the_api_contract_is_checked");
    }

    [Fact]
    public async Task An_answer_the_document_does_not_describe_is_a_violation()
    {
        await using var host = TrackingHost.Embedded(_dataFolder);
        var contract = OpenApiContract.For(await host.OpenApiDocument());
        var json = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var problem = new System.Net.Http.Headers.MediaTypeHeaderValue("application/problem+json");
        var path = $"/api/recommendations/{Guid.NewGuid()}";

        contract.Check("GET", path, 404, problem, """{"title":"Recommendation not found","status":404}"""u8.ToArray()).ShouldBeEmpty();
        contract.Check("GET", path, 418, problem, []).ShouldHaveSingleItem().ShouldContain("does not declare 418");
        contract.Check("GET", path, 200, new("text/html"), "<p>hi</p>"u8.ToArray()).ShouldHaveSingleItem().ShouldContain("content type text/html");
        contract.Check("GET", path, 200, json, """{"id":"not a uuid"}"""u8.ToArray()).ShouldNotBeEmpty();
        contract.Check("DELETE", path, 200, json, []).ShouldHaveSingleItem().ShouldContain("declares no DELETE");
        contract.Check("GET", "/api/nowhere", 404, problem, []).ShouldBeEmpty();
        contract.Check("GET", "/api/nowhere", 200, json, "{}"u8.ToArray()).ShouldHaveSingleItem().ShouldContain("no path");
    }

    [Fact]
    public void Removing_a_field_or_value_or_requiring_a_new_field_is_a_breaking_change()
    {
        var approved = JsonNode.Parse("""
            {"paths":{"/a":{"get":{}}},"components":{"schemas":{
              "Row":{"properties":{"id":{},"name":{}}},"Kind":{"enum":["A","B"]},"Ask":{"required":["id"],"properties":{"id":{},"note":{}}}}}}
            """)!;
        var served = JsonNode.Parse("""
            {"paths":{},"components":{"schemas":{
              "Row":{"properties":{"id":{}}},"Kind":{"enum":["A"]},"Ask":{"required":["id","note"],"properties":{"id":{},"note":{}}}}}}
            """)!;

        OpenApiChanges.Breaking(approved, served).ShouldBe([
            "operation removed: GET /a", "field removed: Row.name", "enumeration value removed: Kind \"B\"", "field newly required: Ask.note"]);
        OpenApiChanges.Breaking(approved, approved).ShouldBeEmpty();
    }

    /// <summary>A breaking change is decided when the version moved and the README's version table has a row for the new one.</summary>
    private static bool VersionDecisionRecorded(JsonNode approved, JsonNode served)
    {
        var version = served["info"]?["version"]?.GetValue<string>();
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        return version is not null && version != approved["info"]?["version"]?.GetValue<string>()
            && readme.Contains($"| {version} |", StringComparison.Ordinal) && version == TrackingOpenApi.Version;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Tracking.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Tracking.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
