using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tracking.Web.SignIn;

/// <summary>
/// Swaps the refresh token for a new access token when the current one has under two minutes left, so a page never
/// calls the API with an expired token (real time: token lifetimes do not follow a test clock). A refused refresh (a deactivated person, say) ends the session.
/// </summary>
internal sealed class TokenRefresh(IOptionsMonitor<OpenIdConnectOptions> oidc, IHttpClientFactory http, ILogger<TokenRefresh> log)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    public async Task RefreshIfDue(CookieValidatePrincipalContext context)
    {
        var properties = context.Properties;
        if (!DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresAt)
            || expiresAt - TimeProvider.System.GetUtcNow() > Margin)
        {
            return;
        }

        var refreshToken = properties.GetTokenValue("refresh_token");
        var options = oidc.Get(PortalSignIn.OidcScheme);
        if (refreshToken is null || options.ConfigurationManager is null)
        {
            context.RejectPrincipal();
            return;
        }

        var configuration = await options.ConfigurationManager.GetConfigurationAsync(context.HttpContext.RequestAborted);
        using var answer = await http.CreateClient(nameof(TokenRefresh)).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret!,
            }), context.HttpContext.RequestAborted);
        if (!answer.IsSuccessStatusCode)
        {
            log.LogInformation("Refresh refused ({Status}) for {Subject}: the session ends", (int)answer.StatusCode, context.Principal?.FindFirst("sub")?.Value);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalSignIn.CookieScheme);
            return;
        }

        using var tokens = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
        var root = tokens.RootElement;
        properties.UpdateTokenValue("access_token", root.GetProperty("access_token").GetString()!);
        if (root.TryGetProperty("refresh_token", out var rotated))
        {
            properties.UpdateTokenValue("refresh_token", rotated.GetString()!);
        }

        var lifetime = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 600;
        properties.UpdateTokenValue("expires_at", TimeProvider.System.GetUtcNow().AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }
}
