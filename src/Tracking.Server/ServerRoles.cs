namespace Tracking.Server;

/// <summary>Which services this process hosts: `--roles all` (default) or a list such as `--roles scheduling,planning`.</summary>
public sealed record ServerRoles(bool Recommendations, bool Scheduling, bool Planning, bool Identity = false, bool Public = false, bool Web = false, bool Notifications = false)
{
    public static readonly string[] Known = ["recommendations", "scheduling", "planning", "identity", "public", "web", "notifications"];

    /// <summary>Every service that sends or receives messages runs here (the portal only calls HTTP APIs).</summary>
    public bool All => Recommendations && Scheduling && Planning && Identity && Public && Notifications;

    public static ServerRoles From(IConfiguration configuration)
    {
        // The command-line flag wins over configuration, so one image can be started once per role.
        var raw = configuration["roles"] is { Length: > 0 } flag ? flag
            : configuration["Tracking:Roles"] is { Length: > 0 } configured ? configured
            : "all";
        var names = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant())
            .ToHashSet();
        if (names.Remove("all"))
        {
            names.UnionWith(Known);
        }

        if (names.Count == 0)
        {
            throw new InvalidOperationException($"No role given in '{raw}'. Use 'all' or a comma-separated list of: {string.Join(", ", Known)}.");
        }

        var unknown = names.Except(Known).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Unknown role(s) '{string.Join(", ", unknown)}' in '{raw}'. Use 'all' or a comma-separated list of: {string.Join(", ", Known)}.");
        }

        return new ServerRoles(
            names.Contains("recommendations"), names.Contains("scheduling"), names.Contains("planning"),
            Identity: names.Contains("identity"), Public: names.Contains("public"), Web: names.Contains("web"),
            Notifications: names.Contains("notifications"));
    }
}
