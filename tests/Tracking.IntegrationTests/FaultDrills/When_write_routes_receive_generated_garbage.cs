using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Tracking.IntegrationTests.FaultDrills;

/// <summary>
/// Property-based bad input: thousands of generated malformed bodies against every write route. Never a 5xx,
/// every refusal is problem details, and a refused request leaves the recommendation exactly as it was.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "FaultDrill")]
public sealed class When_write_routes_receive_generated_garbage(TwoProvidersFixture world, ITestOutputHelper output)
    : IClassFixture<TwoProvidersFixture>
{
    private static readonly string[] Fields =
    [
        "provider", "id", "name", "region", "title", "fieldworkStartedOn", "fieldworkEndedOn", "overallRating", "standards", "code",
        "rating", "recommendations", "number", "text", "addressees", "linkedStandards", "publishedOn", "response", "rationale",
        "targetDate", "comment", "description", "owner", "email", "measureOfSuccess", "outcome", "progressJudgement", "actionId",
        "requestedDate", "reason", "decision", "closedAs", "dueOn",
    ];

    private static readonly Gen<JsonValueSketch> Scalar = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => new JsonValueSketch(JsonSerializer.Serialize(s ?? ""))),
        ArbMap.Default.GeneratorFor<int>().Select(i => new JsonValueSketch(i.ToString())),
        ArbMap.Default.GeneratorFor<bool>().Select(b => new JsonValueSketch(b ? "true" : "false")),
        Gen.Constant(new JsonValueSketch("null")),
        Gen.Constant(new JsonValueSketch("1e309")),
        Gen.Elements("\"2020-13-45\"", "\"yesterday\"", "\"\"", "\"Agreed \"", "\"../../etc/passwd\"", "\"1.1\"", "\"Implemented\"",
            "\"00000000-0000-0000-0000-000000000000\"", "\"" + new string('x', 5000) + "\"").Select(s => new JsonValueSketch(s)));

    private static readonly Gen<string> Body = Gen.Sized(size => Value(Math.Min(size, 4))).Select(v => v.Json)
        .Or(ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))
        .Or(Gen.Elements("{", "[", "{\"response\":", "{\"targetDate\":\"2026-02-30\"}", "\u0000", "{\"owner\":{\"email\":[]}}"));

    [Theory]
    [InlineData("POST", "/api/inspections", "inspector")]
    [InlineData("POST", "/api/inspections/{draft}/publish", "inspector")]
    [InlineData("PUT", "/api/recommendations/{rec}/response", "manager")]
    [InlineData("POST", "/api/recommendations/{rec}/response/acceptance", "inspector")]
    [InlineData("POST", "/api/recommendations/{rec}/actions", "manager")]
    [InlineData("POST", "/api/recommendations/{rec}/actions/{action}/completion", "manager")]
    [InlineData("POST", "/api/recommendations/{rec}/evidence", "manager")]
    [InlineData("POST", "/api/recommendations/{rec}/evidence/{evidence}/review", "inspector")]
    [InlineData("POST", "/api/recommendations/{rec}/target-date-revisions", "manager")]
    [InlineData("POST", "/api/recommendations/{rec}/target-date-revisions/{revision}/decision", "inspector")]
    [InlineData("POST", "/api/recommendations/{rec}/close", "inspector")]
    public async Task Never_a_5xx_always_problem_details_and_no_partial_writes(string method, string template, string who)
    {
        var ids = await world.RecommendationInFlight();
        var draft = await Draft();
        var path = template.Replace("{draft}", draft.ToString()).Replace("{rec}", ids["fresh"]).Replace("{action}", ids["action"])
            .Replace("{evidence}", ids["evidence"]).Replace("{revision}", ids["revision"]);
        var client = who == "inspector" ? world.Host.Inspector() : world.As("manager-own");
        var reader = world.Host.Inspector();
        var statuses = new Dictionary<int, int>();

        var property = Prop.ForAll(Body.ToArbitrary(), body =>
        {
            var before = Snapshot(reader, ids["fresh"], draft).GetAwaiter().GetResult();
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = template.EndsWith("/evidence")
                    ? new MultipartFormDataContent { { new StringContent(body), Fields[Math.Abs(body.GetHashCode()) % Fields.Length] } }
                    : new StringContent(body, Encoding.UTF8, "application/json"),
            };
            using var response = client.SendAsync(request).GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                throw new InvalidOperationException($"{method} {template} answered {status} to: {Shorten(body)}\n{response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
            }

            if (status >= 400)
            {
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{status} to {Shorten(body)}");
                Snapshot(reader, ids["fresh"], draft).GetAwaiter().GetResult().ShouldBe(before, $"a refused {method} {template} changed state: {Shorten(body)}");
            }

            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true), property);

        output.WriteLine($"{method} {template}: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        statuses.Keys.ShouldAllBe(s => s < 500);
    }

    private static Gen<JsonValueSketch> Value(int depth) => depth <= 0
        ? Scalar
        : Gen.OneOf(
            Scalar,
            Gen.ListOf(Gen.Zip(Gen.Elements(Fields).Or(ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")), Value(depth - 1)))
                .Select(pairs => new JsonValueSketch("{" + string.Join(",", pairs.DistinctBy(p => p.Item1)
                    .Select(p => $"{JsonSerializer.Serialize(p.Item1)}:{p.Item2.Json}")) + "}")),
            Gen.ListOf(Value(depth - 1)).Select(items => new JsonValueSketch("[" + string.Join(",", items.Select(i => i.Json)) + "]")));

    /// <summary>What a refused request must not change: the recommendation's version and the draft's status.</summary>
    private static async Task<string> Snapshot(HttpClient reader, string recommendation, Guid draft)
    {
        var detail = await reader.GetFromJsonAsync<JsonElement>($"/api/recommendations/{recommendation}");
        var inspection = await reader.GetFromJsonAsync<JsonElement>($"/api/inspections/{draft}");
        return $"{detail.GetProperty("version").GetInt32()}/{inspection.GetProperty("status").GetString()}";
    }

    private async Task<Guid> Draft()
    {
        var response = await world.Host.Inspector().PostAsJsonAsync("/api/inspections", NorthumbriaDemo.Inspection(), TrackingApi.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;

    public sealed record JsonValueSketch(string Json);
}
