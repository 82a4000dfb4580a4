using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Tracking.ServiceDefaults.Hosting;

namespace Tracking.ServiceDefaults.Security;

public static class SecuritySetup
{
    /// <summary>Bearer tokens (external OpenID Connect authority, or locally signed), the policies, decision logging.</summary>
    public static IHostApplicationBuilder AddTrackingSecurity(this IHostApplicationBuilder builder)
    {
        var auth = AuthSettings.From(builder.Configuration);
        builder.Services.AddSingleton(auth);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();

        SecurityKey? localKey = null;
        if (!auth.UsesExternalAuthority)
        {
            localKey = LocalSigningKey.Load(auth, TrackingSettings.From(builder.Configuration).DataFolder);
            // Token lifetimes are real-world time even when a test moves the service's clock.
            builder.Services.AddSingleton(new TokenIssuer(auth, localKey, TimeProvider.System));
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = TrackingClaims.Name;
            options.TokenValidationParameters.RoleClaimType = TrackingClaims.Role;
            options.TokenValidationParameters.ValidAudience = auth.Audience;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            if (auth.UsesExternalAuthority)
            {
                // Issuer and signing keys come from the authority's OpenID Connect metadata.
                options.Authority = auth.Authority;
                options.Audience = auth.Audience;
                // Plain http only for an authority on this machine (a developer's or a test's processes), never otherwise.
                options.RequireHttpsMetadata = !Uri.TryCreate(auth.Authority, UriKind.Absolute, out var authority) || !authority.IsLoopback;
            }
            else
            {
                options.TokenValidationParameters.ValidIssuer = auth.Issuer;
                options.TokenValidationParameters.IssuerSigningKey = localKey;
            }
        });
        builder.Services.AddAuthorizationBuilder().AddTrackingPolicies();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, MachineScopeHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, LoggedAuthorizationResults>();
        return builder;
    }
}
