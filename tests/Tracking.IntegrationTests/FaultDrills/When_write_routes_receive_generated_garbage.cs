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
    [InlineData("POST", "/api/inspections", "inspector", "{inspection}")]
    [InlineData("POST", "/api/inspections/{draft}/publish", "inspector", "{\"publishedOn\":\"2020-02-11\"}")]
    [InlineData("PUT", "/api/recommendations/{rec}/response", "manager", "{\"response\":\"Agreed\",\"targetDate\":\"{in200}\"}")]
    [InlineData("POST", "/api/recommendations/{rec}/response/acceptance", "inspector", "{\"comment\":\"A sound plan.\"}")]
    [InlineData("POST", "/api/recommendations/{rec}/actions", "manager",
        "{\"description\":\"Audit files\",\"owner\":{\"name\":\"Jo Bloggs\",\"email\":\"jo@example.org\"},\"targetDate\":\"{in30}\"}")]
    [InlineData("POST", "/api/recommendations/{rec}/actions/{action}/completion", "manager", "")]
    [InlineData("POST", "/api/recommendations/{rec}/evidence", "manager", "{form}")]
    [InlineData("POST", "/api/recommendations/{rec}/evidence/{evidence}/review", "inspector",
        "{\"outcome\":\"Accepted\",\"comment\":\"Sustained.\",\"progressJudgement\":\"GoodProgress\"}")]
    [InlineData("POST", "/api/recommendations/{rec}/target-date-revisions", "manager",
        "{\"actionId\":\"{unrevised-action}\",\"requestedDate\":\"{in90}\",\"reason\":\"Trainer ill.\"}")]
    [InlineData("POST", "/api/recommendations/{rec}/target-date-revisions/{revision}/decision", "inspector",
        "{\"decision\":\"Approved\",\"comment\":\"Reasonable.\"}")]
    [InlineData("POST", "/api/recommendations/{rec}/close", "inspector", "{\"closedAs\":\"Implemented\",\"comment\":\"Verified.\"}")]
    public async Task Never_a_5xx_always_problem_details_and_no_partial_writes(string method, string template, string who, string valid)
    {
        var client = who == "inspector" ? world.Host.Inspector() : world.As("manager-own");
        var reader = world.Host.Inspector();
        var statuses = new Dictionary<int, int>();
        var current = await Fresh(template);

        // A valid shape is accepted: otherwise every refusal below could be the route refusing everything.
        if (valid.Contains("{unrevised-action}"))
        {
            // The action in flight already has a revision pending, which rightly refuses a second one.
            valid = valid.Replace("{unrevised-action}", (await PlanAction(client, current.Ids!["fresh"])).ToString());
        }

        using (var accepted = await client.SendAsync(Request(method, current.Path, template, valid, current.Ids ?? [])))
        {
            ((int)accepted.StatusCode).ShouldBeInRange(200, 299, $"{method} {template} refused a valid body: {await accepted.Content.ReadAsStringAsync()}");
        }

        current = await Fresh(template);
        // Only this test's own accepted requests move state on (the collection runs one test at a time), so the snapshot
        // taken when a recommendation is made fresh is what every refusal until the next acceptance must leave unchanged.
        var before = await Snapshot(reader, current);
        var property = Prop.ForAll(Body.ToArbitrary(), body =>
        {
            using var request = Request(method, current.Path, template, body, null);
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
                Snapshot(reader, current).GetAwaiter().GetResult().ShouldBe(before, $"a refused {method} {template} changed state: {Shorten(body)}");
            }
            else
            {
                // Accepted: the answer is the changed resource, and the next case gets a recommendation in flight again,
                // so that no case meets one this case has closed or moved on.
                status.ShouldBeInRange(200, 299, $"{status} to {Shorten(body)}");
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", $"{status} to {Shorten(body)}");
                current = Fresh(template).GetAwaiter().GetResult();
                before = Snapshot(reader, current).GetAwaiter().GetResult();
            }

            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true), property);

        output.WriteLine($"{method} {template}: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        statuses.Keys.ShouldAllBe(s => s < 500);
        statuses.GetValueOrDefault(409).ShouldBeLessThan(100, "most cases must meet a recommendation still in flight, not one a case before closed");
    }

    /// <summary>
    /// What the route's next case acts on, made only as far as the route needs it: a recommendation in flight for the
    /// recommendation routes (only responded to accept a response, with one action to complete one), a draft inspection
    /// for publishing, nothing for recording an inspection. Routes that take no body accept nearly every case, and each
    /// acceptance makes the next one fresh, so this is most of the drill's time.
    /// </summary>
    private async Task<Target> Fresh(string template)
    {
        var upTo = template.EndsWith("/response/acceptance") ? InFlight.Responded
            : template.EndsWith("/completion") ? InFlight.ActionPlanned
            : InFlight.RevisionRequested;
        var ids = template.Contains("{rec}") ? await world.RecommendationInFlight(upTo) : null;
        Guid? draft = template.Contains("{draft}") ? await Draft() : null;
        var path = template.Replace("{draft}", draft?.ToString());
        foreach (var (name, value) in ids ?? [])
        {
            path = path.Replace(name == "fresh" ? "{rec}" : $"{{{name}}}", value);
        }

        return new(ids, draft, path);
    }

    /// <param name="ids">Given for a valid body, whose placeholders name the recommendation's parts (if any) and dates from today.</param>
    private static HttpRequestMessage Request(string method, string path, string template, string body, Dictionary<string, string>? ids)
    {
        var today = DateTime.UtcNow;
        if (ids is not null)
        {
            body = body.Replace("{inspection}", JsonSerializer.Serialize(NorthumbriaDemo.Inspection(), TrackingApi.Json))
                .Replace("{action}", ids.GetValueOrDefault("action"))
                .Replace("{in30}", today.AddDays(30).ToString("yyyy-MM-dd")).Replace("{in90}", today.AddDays(90).ToString("yyyy-MM-dd"))
                .Replace("{in200}", today.AddDays(200).ToString("yyyy-MM-dd"));
        }

        return new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = template.EndsWith("/evidence")
                ? ids is not null && body == "{form}"
                    ? TwoProvidersFixture.EvidenceForm()
                    : new MultipartFormDataContent { { new StringContent(body), Fields[Math.Abs(body.GetHashCode()) % Fields.Length] } }
                : new StringContent(body, Encoding.UTF8, "application/json"),
        };
    }

    private static Gen<JsonValueSketch> Value(int depth) => depth <= 0
        ? Scalar
        : Gen.OneOf(
            Scalar,
            Gen.ListOf(Gen.Zip(Gen.Elements(Fields).Or(ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")), Value(depth - 1)))
                .Select(pairs => new JsonValueSketch("{" + string.Join(",", pairs.DistinctBy(p => p.Item1)
                    .Select(p => $"{JsonSerializer.Serialize(p.Item1)}:{p.Item2.Json}")) + "}")),
            Gen.ListOf(Value(depth - 1)).Select(items => new JsonValueSketch("[" + string.Join(",", items.Select(i => i.Json)) + "]")));

    /// <summary>
    /// What a refused request must not change: the recommendation's version, the draft's status, or (recording an
    /// inspection) how many draft inspections there are.
    /// </summary>
    private static async Task<string> Snapshot(HttpClient reader, Target target)
    {
        if (target.Ids is { } ids)
        {
            var detail = await reader.GetFromJsonAsync<JsonElement>($"/api/recommendations/{ids["fresh"]}");
            return $"version {detail.GetProperty("version").GetInt32()}";
        }

        if (target.Draft is { } draft)
        {
            var inspection = await reader.GetFromJsonAsync<JsonElement>($"/api/inspections/{draft}");
            return $"draft {inspection.GetProperty("status").GetString()}";
        }

        // Drafts only: a refused recording must add none, and the published ones (hundreds by now) would make every case slower.
        var drafts = await reader.GetFromJsonAsync<JsonElement>("/api/inspections?status=Draft");
        return $"{drafts.GetArrayLength()} drafts";
    }

    private static async Task<Guid> PlanAction(HttpClient manager, string recommendation)
    {
        var planned = await manager.PostAsJsonAsync($"/api/recommendations/{recommendation}/actions", new
        {
            description = "Audit files", owner = new { name = "Jo Bloggs", email = "jo@example.org" },
            targetDate = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        }, TrackingApi.Json);
        planned.StatusCode.ShouldBe(HttpStatusCode.Created, await planned.Content.ReadAsStringAsync());
        return Guid.Parse(planned.Headers.Location!.ToString().Split('/')[^1]);
    }

    private async Task<Guid> Draft()
    {
        var response = await world.Host.Inspector().PostAsJsonAsync("/api/inspections", NorthumbriaDemo.Inspection(), TrackingApi.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;

    public sealed record JsonValueSketch(string Json);

    /// <param name="Ids">The recommendation in flight and its parts, for the recommendation routes.</param>
    /// <param name="Draft">The draft inspection, for publishing.</param>
    private sealed record Target(Dictionary<string, string>? Ids, Guid? Draft, string Path);
}
