using Microsoft.Extensions.Options;
using Tracking.Recommendations.Evidence;
using Tracking.ServiceDefaults.Persistence;
using Tracking.ServiceDefaults.Security;

namespace Tracking.UnitTests.Persistence;

/// <summary>Databases, evidence and the signing key are readable by the server's own user only, from the moment they exist.</summary>
public sealed class When_service_data_is_written_to_disk : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tracking-unit", Guid.NewGuid().ToString("N"));

    private string DataFolder => Path.Combine(_root, "data");

    [Fact]
    public void The_signing_key_and_its_folder_are_owner_only()
    {
        LocalSigningKey.Load(new AuthSettings(null, "tracking-api", AuthSettings.LocalIssuer, null), DataFolder);

        Mode(DataFolder).ShouldBe(OwnerOnly.FolderMode);
        Mode(Path.Combine(DataFolder, LocalSigningKey.FileName)).ShouldBe(OwnerOnly.FileMode);
    }

    [Fact]
    public void A_database_file_is_created_owner_only()
    {
        var file = Path.Combine(DataFolder, "recommendations.db");

        OwnerOnly.EnsureFile(file);

        Mode(DataFolder).ShouldBe(OwnerOnly.FolderMode);
        Mode(file).ShouldBe(OwnerOnly.FileMode);
    }

    [Fact]
    public async Task Stored_evidence_and_its_folders_are_owner_only()
    {
        var store = new EvidenceFileStore(Options.Create(new EvidenceOptions { Folder = Path.Combine(DataFolder, "evidence") }), TimeProvider.System);

        var stored = await store.Store(new MemoryStream("minutes of the meeting"u8.ToArray()), CancellationToken.None);

        var file = Path.Combine(DataFolder, "evidence", stored.ContentHash[..2], stored.ContentHash);
        Mode(file).ShouldBe(OwnerOnly.FileMode);
        Mode(Path.GetDirectoryName(file)!).ShouldBe(OwnerOnly.FolderMode);
        Mode(Path.Combine(DataFolder, "evidence", "incoming")).ShouldBe(OwnerOnly.FolderMode);
    }

    private static UnixFileMode Mode(string path) => OperatingSystem.IsWindows()
        ? throw new PlatformNotSupportedException("file modes are checked on the Linux machines the service runs on")
        : File.GetUnixFileMode(path);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
