using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.Recommendations.Evidence;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// Files are stored before their submission is saved; when the save fails they belong to nobody. The sweep removes
/// them once the grace period has passed, and never a file a saved submission refers to.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_submission_fails_after_its_files_are_stored : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TrackingHost _host = null!;

    public Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder, clock: _clock, extra: new Dictionary<string, string?>
        {
            ["Tracking:Evidence:OrphanGracePeriod"] = "01:00:00",
            ["Tracking:Evidence:SweepInterval"] = "00:05:00",
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_sweep_removes_their_files_after_the_grace_period_and_keeps_saved_evidence()
    {
        var inspector = _host.Inspector();
        var manager = _host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(inspector);
        var recommendation = (await inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}"))
            .GetProperty("recommendations")[0].GetProperty("id").GetGuid();
        (await manager.PutAsJsonAsync($"/api/recommendations/{recommendation}/response", new { response = "Agreed" })).EnsureSuccessStatusCode();
        var saved = "minutes of the March meeting"u8.ToArray();
        var form = new MultipartFormDataContent
        {
            { new StringContent("Minutes."), "narrative" },
            { new StringContent(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), "effectiveDate" },
        };
        var file = new ByteArrayContent(saved);
        file.Headers.ContentType = new("text/plain");
        form.Add(file, "files", "minutes.txt");
        (await manager.PostAsync($"/api/recommendations/{recommendation}/evidence", form)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // What a submission leaves when its save fails after the files were stored.
        var orphan = "a draft that was never saved"u8.ToArray();
        await _host.Services.GetRequiredService<EvidenceFileStore>().Store(new MemoryStream(orphan), CancellationToken.None);
        File.Exists(StoredPath(orphan)).ShouldBeTrue();

        _clock.Advance(TimeSpan.FromHours(2));

        await Eventually.Get(() => Task.FromResult(File.Exists(StoredPath(orphan))), exists => !exists, TimeSpan.FromSeconds(30),
            "the sweep to remove the file nobody refers to");
        File.Exists(StoredPath(saved)).ShouldBeTrue("a saved submission's file is kept however old it is");
        var download = (await manager.GetFromJsonAsync<JsonElement>($"/api/recommendations/{recommendation}"))
            .GetProperty("evidence")[0].GetProperty("files")[0];
        download.GetProperty("name").GetString().ShouldBe("minutes.txt");
    }

    private string StoredPath(byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return Path.Combine(_dataFolder, "evidence", hash[..2], hash);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite can hold its file a moment after the host stops; the temp folder is cleaned by the OS.
        }
    }
}
