using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// Evidence over real HTTP with real tokens: submitted as multipart by the provider, downloaded safely, reviewed by the
/// inspectorate; hostile uploads are refused and leave nothing behind, neither in the database nor in the evidence store.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_provider_submits_evidence : IAsyncLifetime
{
    private const int MaxFileBytes = 64 * 1024;
    private const int MaxRequestBodyBytes = 256 * 1024;

    private static readonly string TestsRoot = Path.Combine(Path.GetTempPath(), "tracking-tests");
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Notes = Encoding.UTF8.GetBytes("Home visits completed: 41 of 45 (91%).\nAudit by the senior probation officer, 3 March.\n");

    private readonly string _dataFolder = Path.Combine(TestsRoot, Guid.NewGuid().ToString("N"));
    private TrackingHost _host = null!;
    private HttpClient _manager = null!;
    private HttpClient _inspector = null!;
    private Guid _recommendation;

    private string EvidenceFolder => Path.Combine(_dataFolder, "evidence");

    private static string LastMonth => DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd");

    public async Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder, extra: new Dictionary<string, string?>
        {
            ["Tracking:Evidence:MaxFileBytes"] = MaxFileBytes.ToString(),
            ["Tracking:Limits:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(),
        });
        _inspector = _host.Inspector();
        _manager = _host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(_inspector);
        var recorded = await _inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}");
        _recommendation = recorded.GetProperty("recommendations")[0].GetProperty("id").GetGuid();
        var responded = await _manager.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response", new { response = "Agreed" });
        responded.StatusCode.ShouldBe(HttpStatusCode.OK, await responded.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Evidence_with_files_is_recorded_with_its_effective_date_and_awaits_review()
    {
        var response = await Submit(Form("Home visits now audited monthly.", LastMonth,
            files: [("home-visits.pdf", "application/pdf", Pdf), ("notes.txt", "text/plain; charset=utf-8", Notes)]));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var answered = await response.Content.ReadFromJsonAsync<JsonElement>();
        var evidenceId = answered.GetProperty("evidence")[0].GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/recommendations/{_recommendation}/evidence/{evidenceId}");

        var detail = await Detail();
        detail.GetProperty("status").GetString().ShouldBe("EvidenceSubmitted");
        var evidence = detail.GetProperty("evidence").EnumerateArray().Single();
        evidence.GetProperty("narrative").GetString().ShouldBe("Home visits now audited monthly.");
        evidence.GetProperty("effectiveDate").GetString().ShouldBe(LastMonth);
        evidence.GetProperty("submittedBy").GetString().ShouldBe("test-provider-manager");
        evidence.GetProperty("outcome").ValueKind.ShouldBe(JsonValueKind.Null);
        var files = evidence.GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString(), f.GetProperty("contentType").GetString(), f.GetProperty("size").GetInt64())).ToList();
        files.ShouldBe([("home-visits.pdf", "application/pdf", Pdf.Length), ("notes.txt", "text/plain", Notes.Length)], ignoreOrder: true);
        File.Exists(StoredPath(Pdf)).ShouldBeTrue("the PDF is stored by its content hash");
        File.Exists(StoredPath(Notes)).ShouldBeTrue("the text file is stored by its content hash");
    }

    [Fact]
    public async Task Files_are_listed_in_the_order_they_were_uploaded()
    {
        string[] names = ["d-minutes.txt", "a-agenda.txt", "c-actions.txt", "b-attendance.txt", "e-summary.txt"];
        var response = await Submit(Form("Board papers.", LastMonth,
            files: [.. names.Select(n => (n, "text/plain", System.Text.Encoding.UTF8.GetBytes($"contents of {n}")))]));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var evidence = (await Detail()).GetProperty("evidence").EnumerateArray().Single();
        evidence.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ShouldBe(names);
    }

    [Fact]
    public async Task The_inspectorate_and_the_provider_download_the_same_bytes_as_an_attachment()
    {
        var (evidenceId, pdfId) = await SubmitGood();
        var path = $"/api/recommendations/{_recommendation}/evidence/{evidenceId}/files/{pdfId}";

        foreach (var reader in new[] { _inspector, _manager })
        {
            var download = await reader.GetAsync(path);

            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            download.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("home-visits.pdf");
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        }
    }

    [Fact]
    public async Task A_planner_may_not_download_evidence_and_another_provider_cannot_find_it()
    {
        var (evidenceId, pdfId) = await SubmitGood();
        var path = $"/api/recommendations/{_recommendation}/evidence/{evidenceId}/files/{pdfId}";
        var otherManager = _host.ClientAs(TrackingRoles.ProviderManager, "other-crc");

        (await _host.Planner().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var hidden = await otherManager.GetAsync(path);
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await hidden.Content.ReadAsByteArrayAsync()).ShouldNotBe(Pdf);
        (await _inspector.GetAsync($"/api/recommendations/{_recommendation}/evidence/{evidenceId}/files/{Guid.NewGuid()}"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Submit(Form("Someone else's evidence.", LastMonth), otherManager)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Detail()).GetProperty("evidence").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task More_needed_sends_it_back_and_acceptance_records_the_progress_judgement()
    {
        var (first, _) = await SubmitGood();

        var moreNeeded = await Review(first, new { outcome = "MoreNeeded", comment = "Show the audit results for a full quarter." });
        moreNeeded.StatusCode.ShouldBe(HttpStatusCode.OK, await moreNeeded.Content.ReadAsStringAsync());
        (await moreNeeded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("InProgress");

        var second = await Submit(Form("A quarter of monthly audits.", LastMonth, files: [("quarter.csv", "text/csv", "month,visits\nJan,41\n"u8.ToArray())]));
        second.StatusCode.ShouldBe(HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evidence")[1].GetProperty("id").GetGuid();
        (await Detail()).GetProperty("status").GetString().ShouldBe("EvidenceSubmitted");

        var accepted = await Review(secondId, new { outcome = "Accepted", comment = "Sustained for a quarter.", progressJudgement = "GoodProgress" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());

        var detail = await Detail();
        detail.GetProperty("status").GetString().ShouldBe("InProgress");
        var reviewed = detail.GetProperty("evidence")[1];
        reviewed.GetProperty("outcome").GetString().ShouldBe("Accepted");
        reviewed.GetProperty("progressJudgement").GetString().ShouldBe("GoodProgress");
        reviewed.GetProperty("reviewComment").GetString().ShouldBe("Sustained for a quarter.");
        detail.GetProperty("evidence")[0].GetProperty("outcome").GetString().ShouldBe("MoreNeeded");

        var again = await Review(secondId, new { outcome = "MoreNeeded", comment = "Second thoughts." });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Detail()).GetProperty("evidence")[1].GetProperty("outcome").GetString().ShouldBe("Accepted");
        (await Review(Guid.NewGuid(), new { outcome = "Accepted", comment = "Which evidence?" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Submitting loads a summary of the evidence, not the evidence: what the event reports must still add up all of it.
        var older = DateTime.UtcNow.AddDays(-60).ToString("yyyy-MM-dd");
        foreach (var narrative in new[] { "An earlier audit, found later.", "Another earlier audit." })
        {
            (await Submit(Form(narrative, older))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var reported = await _host.Query(async sp =>
        {
            var db = sp.GetRequiredService<RecommendationsDbContext>();
            var body = await db.Outbox.Where(m => m.MessageType == typeof(EvidenceSubmitted).FullName)
                .OrderByDescending(m => m.Sequence).Select(m => m.Body).FirstAsync();
            return JsonDocument.Parse(body).RootElement.GetProperty("state").Clone();
        });
        reported.GetProperty("evidenceAwaitingReview").GetInt32().ShouldBe(2, "the one just sent and the one before it");
        reported.GetProperty("lastEvidenceOn").GetString().ShouldBe(LastMonth, "the latest effective date of all four");
        reported.GetProperty("lastProgressJudgement").GetString().ShouldBe("GoodProgress", "from the accepted evidence, not loaded");
        (await Detail()).GetProperty("evidence").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task A_review_needs_a_comment_known_evidence_and_the_inspectorate()
    {
        var (evidenceId, _) = await SubmitGood();

        var noComment = await Review(evidenceId, new { outcome = "Accepted" });
        var badJudgement = await Review(evidenceId, new { outcome = "Accepted", comment = "Fine.", progressJudgement = "Brilliant" });
        var unknown = await Review(Guid.NewGuid(), new { outcome = "Accepted", comment = "Fine." });
        var byProvider = await _manager.PostAsJsonAsync($"/api/recommendations/{_recommendation}/evidence/{evidenceId}/review",
            new { outcome = "Accepted", comment = "We are happy with ourselves." });

        (await Errors(noComment)).TryGetProperty("comment", out _).ShouldBeTrue();
        (await Errors(badJudgement)).GetProperty("progressJudgement").ToString().ShouldContain("GoodProgress");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        byProvider.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var detail = await Detail();
        detail.GetProperty("status").GetString().ShouldBe("EvidenceSubmitted");
        detail.GetProperty("evidence")[0].GetProperty("outcome").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_path_in_the_file_name_is_dropped_and_the_file_lands_only_in_the_evidence_store()
    {
        var traversal = Encoding.ASCII.GetBytes($"%PDF-1.4\n% traversal {Guid.NewGuid()}\n");

        var response = await Submit(Form("Named to escape.", LastMonth, files: [("../../x.pdf", "application/pdf", traversal)]));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await Detail()).GetProperty("evidence")[0].GetProperty("files")[0].GetProperty("name").GetString().ShouldBe("x.pdf");
        File.ReadAllBytes(StoredPath(traversal)).ShouldBe(traversal);
        Directory.EnumerateFiles(TestsRoot, "x.pdf", SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.EnumerateFiles(Directory.GetCurrentDirectory(), "x.pdf").ShouldBeEmpty();
        Directory.EnumerateFiles(EvidenceFolder, "*", SearchOption.AllDirectories)
            .ShouldAllBe(f => Path.GetFileName(f).Length == 64 && Path.GetFileName(Path.GetDirectoryName(f)!) == Path.GetFileName(f).Substring(0, 2));
    }

    [Theory]
    [InlineData("a script declared as a PDF", HttpStatusCode.BadRequest, "files")]
    [InlineData("binary declared as text", HttpStatusCode.BadRequest, "files")]
    [InlineData("a type that is not allowed", HttpStatusCode.BadRequest, "files")]
    [InlineData("more files than allowed", HttpStatusCode.BadRequest, "files")]
    [InlineData("a file over the size limit", HttpStatusCode.BadRequest, "files")]
    [InlineData("an empty file", HttpStatusCode.BadRequest, "files")]
    [InlineData("an empty multipart", HttpStatusCode.BadRequest, "narrative")]
    [InlineData("an effective date in the future", HttpStatusCode.BadRequest, "effectiveDate")]
    [InlineData("an unreadable effective date", HttpStatusCode.BadRequest, "effectiveDate")]
    [InlineData("an action that is not on this recommendation", HttpStatusCode.BadRequest, "actionIds")]
    [InlineData("a body over the request limit", HttpStatusCode.RequestEntityTooLarge, null)]
    [InlineData("JSON instead of a form", HttpStatusCode.UnsupportedMediaType, null)]
    public async Task A_hostile_or_faulty_upload_is_refused_and_nothing_is_stored(string upload, HttpStatusCode expected, string? field)
    {
        await SubmitGood();
        var before = await Detail();
        var storedBefore = StoredFiles();
        // Each hostile upload rides with a genuine new PDF: storing files before validating would leave it behind.
        var genuine = ("genuine.pdf", "application/pdf", Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n"));

        var response = await Submit(upload switch
        {
            "a script declared as a PDF" => Form("Looks like a report.", LastMonth, files: [genuine, ("report.pdf", "application/pdf", "#!/bin/sh\nrm -rf /\n"u8.ToArray())]),
            "binary declared as text" => Form("Plain notes.", LastMonth, files: [genuine, ("notes.txt", "text/plain", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00])]),
            "a type that is not allowed" => Form("An installer.", LastMonth, files: [genuine, ("setup.exe", "application/x-msdownload", [0x4D, 0x5A, 0x90, 0x00])]),
            "more files than allowed" => Form("Six files.", LastMonth,
                files: [genuine, .. Enumerable.Range(1, 5).Select(i => ($"note-{i}.txt", "text/plain", Encoding.UTF8.GetBytes($"Note {i}")))]),
            "a file over the size limit" => Form("A big scan.", LastMonth, files: [genuine, ("scan.pdf", "application/pdf", BigPdf(MaxFileBytes + 1))]),
            "an empty file" => Form("Nothing in it.", LastMonth, files: [genuine, ("empty.txt", "text/plain", [])]),
            "an empty multipart" => new MultipartFormDataContent(),
            "an effective date in the future" => Form("Will be done.", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"), files: [genuine]),
            "an unreadable effective date" => Form("Done.", "03/02/2020", files: [genuine]),
            "an action that is not on this recommendation" => Form("Covers an action.", LastMonth, [Guid.NewGuid()], files: [genuine]),
            "a body over the request limit" => Form("Huge.", LastMonth, files: [genuine, ("huge.pdf", "application/pdf", BigPdf(MaxRequestBodyBytes + 1024))]),
            _ => JsonContent.Create(new { narrative = "Done.", effectiveDate = LastMonth }),
        });

        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        if (field is not null)
        {
            (await Errors(response)).TryGetProperty(field, out _).ShouldBeTrue($"the problem names {field}");
        }

        var after = await Detail();
        after.GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32());
        after.GetProperty("evidence").GetArrayLength().ShouldBe(1);
        StoredFiles().ShouldBe(storedBefore, "nothing new in the evidence store");
        File.Exists(StoredPath(genuine.Item3)).ShouldBeFalse();
    }

    [Fact]
    public async Task Evidence_before_any_response_is_a_conflict_and_stores_nothing()
    {
        var recommendations = await _inspector.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations?providerId={NorthumbriaDemo.ProviderId}");
        var unanswered = recommendations!.Select(r => r.GetProperty("id").GetGuid()).First(id => id != _recommendation);
        var storedBefore = StoredFiles();

        var response = await _manager.PostAsync($"/api/recommendations/{unanswered}/evidence",
            Form("Too early.", LastMonth, files: [("early.pdf", "application/pdf", Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}"))]));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).ShouldContain("Respond to the recommendation");
        StoredFiles().ShouldBe(storedBefore);
        (await _inspector.GetFromJsonAsync<JsonElement>($"/api/recommendations/{unanswered}")).GetProperty("evidence").GetArrayLength().ShouldBe(0);
    }

    /// <summary>Evidence with the PDF and the notes; returns the PDF's id.</summary>
    private async Task<(Guid EvidenceId, Guid PdfId)> SubmitGood()
    {
        var response = await Submit(Form("Home visits now audited monthly.", LastMonth,
            files: [("home-visits.pdf", "application/pdf", Pdf), ("notes.txt", "text/plain", Notes)]));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var evidence = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evidence").EnumerateArray().Last();
        var pdf = evidence.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "home-visits.pdf");
        return (evidence.GetProperty("id").GetGuid(), pdf.GetProperty("id").GetGuid());
    }

    private Task<HttpResponseMessage> Submit(HttpContent content, HttpClient? client = null) =>
        (client ?? _manager).PostAsync($"/api/recommendations/{_recommendation}/evidence", content);

    private Task<HttpResponseMessage> Review(Guid evidenceId, object review) =>
        _inspector.PostAsJsonAsync($"/api/recommendations/{_recommendation}/evidence/{evidenceId}/review", review);

    private Task<JsonElement> Detail() => _inspector.GetFromJsonAsync<JsonElement>($"/api/recommendations/{_recommendation}");

    private static async Task<JsonElement> Errors(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    /// <summary>A multipart form as a browser sends it; file names go into the header verbatim, as a hostile client would send them.</summary>
    private static MultipartFormDataContent Form(string narrative, string effectiveDate, Guid[]? actionIds = null,
        (string Name, string Type, byte[] Bytes)[]? files = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(narrative), "narrative" }, { new StringContent(effectiveDate), "effectiveDate" } };
        foreach (var actionId in actionIds ?? [])
        {
            form.Add(new StringContent(actionId.ToString()), "actionIds");
        }

        foreach (var (name, type, bytes) in files ?? [])
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileName = $"\"{name}\"" };
            form.Add(part);
        }

        return form;
    }

    private static byte[] BigPdf(int size)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    private string StoredPath(byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return Path.Combine(EvidenceFolder, hash[..2], hash);
    }

    private List<string> StoredFiles() => Directory.Exists(EvidenceFolder)
        ? Directory.EnumerateFiles(EvidenceFolder, "*", SearchOption.AllDirectories).Order().ToList()
        : [];

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, Teardown.SqliteFolder(_dataFolder));
    }
}
