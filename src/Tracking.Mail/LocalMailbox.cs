using System.Text.RegularExpressions;
using MimeKit;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Mail;

/// <summary>
/// The embedded default's mail: one .eml file per message under {DataFolder}/mailbox/, newest last by name, so a
/// newcomer (or a test) can follow an invitation without a mail server.
/// </summary>
public sealed partial class LocalMailbox(string folder)
{
    public string Folder { get; } = folder;

    public async Task<string> Deliver(MimeMessage message, TimeProvider clock, CancellationToken cancellationToken)
    {
        OwnerOnly.CreateFolder(Folder);
        var path = Path.Combine(Folder, $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        await using var stream = new FileStream(path, OwnerOnly.NewFile(useAsync: true));
        await message.WriteToAsync(stream, cancellationToken);
        return path;
    }

    /// <summary>Every message sent to this address, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address) => !Directory.Exists(Folder)
        ? []
        : Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    public static IReadOnlyList<string> Links(string text) => LinkPattern().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
