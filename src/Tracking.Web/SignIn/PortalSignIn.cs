using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Web.SignIn;

/// <summary>
/// People sign in with OpenID Connect (authorization code + PKCE) at the identity role; the portal keeps a cookie
/// session holding their tokens and refreshes the access token before it expires.
/// </summary>
internal static class PortalSignIn
{
    public const string CookieScheme = "portal";
    public const string OidcScheme = "portal-oidc";
    public const string SignedIn = "portal-signed-in";
    public const string Inspector = "portal-inspector";
    public const string ProviderManager = "portal-provider-manager";

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var authority = configuration["Tracking:Web:Authority"] is { Length: > 0 } a ? a : configuration["Tracking:Identity:Issuer"];
        builder.Services.AddSingleton<TokenRefresh>();
        builder.Services.AddAuthentication()
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = ".Tracking.Session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.ForwardChallenge = OidcScheme;
                cookie.AccessDeniedPath = "/forbidden";
                cookie.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<TokenRefresh>().RefreshIfDue(context);
            })
            .AddOpenIdConnect(OidcScheme, oidc =>
            {
                oidc.SignInScheme = CookieScheme;
                oidc.SignOutScheme = CookieScheme;
                oidc.ClientId = WebClientSecret.ClientId;
                oidc.ClientSecret = WebClientSecret.Load(configuration);
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                // The code comes back in the query: a form_post page would need an inline script our CSP refuses.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.CallbackPath = "/signin-oidc";
                oidc.SignedOutCallbackPath = "/signout-callback-oidc";
                oidc.SignedOutRedirectUri = "/signed-out";
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email", "roles", "offline_access", "tracking-api" })
                {
                    oidc.Scope.Add(scope);
                }

                oidc.TokenValidationParameters.NameClaimType = TrackingClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = TrackingClaims.Role;
                oidc.ClaimActions.MapAll();
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                if (authority is { Length: > 0 })
                {
                    oidc.Authority = authority;
                    oidc.RequireHttpsMetadata = !Uri.TryCreate(authority, UriKind.Absolute, out var issuer) || !issuer.IsLoopback;
                }
                else
                {
                    // Embedded default: the identity role is this process, wherever it listens.
                    oidc.RequireHttpsMetadata = false;
                    oidc.ConfigurationManager = new OwnOriginConfiguration(new HttpContextAccessor());
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser())
            .AddPolicy(Inspector, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireRole(TrackingRoles.Inspector))
            .AddPolicy(ProviderManager, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireRole(TrackingRoles.ProviderManager));
        return builder;
    }

    public static Task<string?> AccessToken(this HttpContext context) => context.GetTokenAsync(CookieScheme, "access_token");
}
