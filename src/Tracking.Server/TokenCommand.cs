using Tracking.ServiceDefaults.Hosting;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Server;

/// <summary>
/// `Tracking.Server token --role inspector|provider-manager|planner [--provider id]... [--name …] [--email …] [--hours n]`
/// prints a token signed with this server's local key. Refused when tokens come from an external authority, and
/// outside the Development environment unless Tracking:Auth:AllowLocalTokens is true: a production server with no
/// authority configured by mistake must not hand out inspector tokens to whoever can run it.
/// </summary>
public static class TokenCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "token";

    public const string AllowFlag = "Tracking:Auth:AllowLocalTokens";

    public static int Run(string[] args, IConfiguration configuration, string environmentName, TextWriter output, TextWriter error)
    {
        var auth = AuthSettings.From(configuration);
        if (auth.UsesExternalAuthority)
        {
            error.WriteLine($"This server validates tokens from {auth.Authority}; get a token there. Local minting is off.");
            return 2;
        }

        if (environmentName != Environments.Development && !configuration.GetValue(AllowFlag, false))
        {
            error.WriteLine($"Local tokens are minted only in the Development environment (this is {environmentName}). " +
                            $"Run with --environment Development, or set {AllowFlag}=true where locally signed tokens are intended.");
            return 2;
        }

        string? role = null, name = null, email = null, subject = null;
        var providers = new List<string>();
        var hours = 8.0;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role": role = value; i++; break;
                case "--provider": if (value is not null) { providers.Add(value); } i++; break;
                case "--name": name = value; i++; break;
                case "--email": email = value; i++; break;
                case "--subject": subject = value; i++; break;
                case "--environment": i++; break; // read by the host builder, not by this command
                case "--hours" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var h) && h > 0: hours = h; i++; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains(':') && value is not null)
                    {
                        error.WriteLine($"Unknown option {args[i]}.");
                        return 2;
                    }

                    break;
            }
        }

        if (role is null)
        {
            error.WriteLine($"Usage: token --role {string.Join("|", TrackingRoles.Known)} [--provider <id>]... [--name <name>] [--email <email>] [--hours <n>]");
            return 2;
        }

        try
        {
            var key = LocalSigningKey.Load(auth, TrackingSettings.From(configuration).DataFolder);
            output.WriteLine(new TokenIssuer(auth, key, TimeProvider.System)
                .Mint(role, providers, name, email, subject, TimeSpan.FromHours(hours)));
            return 0;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }
    }
}
