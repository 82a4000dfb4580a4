using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracking.Contracts;
using Tracking.Identity.ApiTokens;
using Tracking.Identity.Consumers;
using Tracking.Identity.Connect;
using Tracking.Identity.Data;
using Tracking.Identity.DemoPeople;
using Tracking.Identity.Audit;
using Tracking.Identity.Features.ManagePeople;
using Tracking.Identity.Features.ViewMe;
using Tracking.Identity.Invitations;
using Tracking.Identity.Keys;
using Tracking.Mail;
using Tracking.Web.Ui;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;
using Tracking.Messaging.Bus;
using Tracking.Messaging.Topology;
using Tracking.ServiceDefaults.Persistence;
using Tracking.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tracking.Identity;

public static class IdentityService
{
    public const string QueueName = "identity";

    /// <summary>Its queue (a replay is all that arrives) and the events it publishes, as every process must know them.</summary>
    public static readonly ServiceQueue Queue = ServiceQueue.Scan(QueueName, typeof(IdentityQueue<>),
        typeof(PersonInvited), typeof(PersonActivated), typeof(PersonChanged), typeof(PersonDeactivated));

    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        var settings = IdentitySettings.From(builder.Configuration);
        var keys = IdentityKeys.Load(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(MfaPolicy.From(builder.Configuration));
        builder.Services.AddSingleton(keys);
        builder.AddServiceDatabase<PeopleDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(PeopleDbContext.ServiceName);
        builder.AddServiceMessaging<PeopleDbContext>(Queue);

        builder.Services.AddIdentityCore<Person>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Tracking:Identity:LockoutAfterFailures", 5);
                options.Lockout.DefaultLockoutTimeSpan = builder.Configuration.GetValue("Tracking:Identity:LockoutDuration", TimeSpan.FromMinutes(15));
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<PeopleDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        builder.Services.AddAuthentication().AddIdentityCookies();
        builder.Services.AddAuthentication().AddPasswordCheckedCookie();
        // Passkeys are this site's own: the browser's origin must be the request's scheme, host and port, never a frame.
        builder.Services.Configure<IdentityPasskeyOptions>(passkeys => passkeys.ValidateOrigin = context =>
            ValueTask.FromResult(!context.CrossOrigin && Uri.TryCreate(context.Origin, UriKind.Absolute, out var origin)
                && string.Equals(origin.GetLeftPart(UriPartial.Authority), $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase)));
        builder.Services.AddAuthorizationBuilder().AddPolicy(Pages.Admin.AdminPage.Policy,
            policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "tracking.identity";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/sign-in";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<PeopleDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke");
                if (settings.Issuer is not null)
                {
                    server.SetIssuer(settings.Issuer);
                }

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, TrackingScopes.Api, .. MachineScopes.Known]);
                server.RegisterClaims(TrackingClaims.Subject, TrackingClaims.Name, TrackingClaims.Email, TrackingClaims.Role, TrackingClaims.Provider);
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetIdentityTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                // The first key signs; the others (next, previous) are only published in the JWKS, for rotation.
                foreach (var key in keys.Published)
                {
                    server.AddSigningKey(key);
                }

                server.AddEncryptionKey(keys.Encryption);
                // The API validates plain JWTs (audience tracking-api), so access tokens are signed, not encrypted.
                server.DisableAccessTokenEncryption();
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (settings.AllowsHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, AcceptIdentityTokens>();
        builder.AddTrackingMail();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<InvitationMail>();
        builder.Services.AddScoped<PeopleAdmin>();
        // A deactivated person's cookie session ends within a minute, not the default half hour.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddHostedService<WebClientRegistration>();
        builder.Services.AddHostedService<DocsClientRegistration>();
        builder.Services.AddSingleton(MachineClient.From(builder.Configuration));
        builder.Services.AddHostedService<MachineClientRegistration>();
        if (builder.Configuration.GetValue("Tracking:SeedDemoData", false))
        {
            builder.Services.AddHostedService<SeedDemoPeople>();
        }

        builder.Services.AddRazorPages(pages => pages.Conventions.AllowAnonymousToFolder("/Account"));
        return builder;
    }

    public static WebApplication MapIdentity(this WebApplication app)
    {
        // The shared GOV.UK assets and page policy; a no-op when the web role already applied them.
        app.UseTrackingWebUi();
        app.MapAuthorize().MapToken().MapEndSession().MapUserInfo();
        app.MapViewMe().MapManagePeople();
        app.MapRazorPagesOnce();
        return app;
    }

    /// <summary>Runs before authentication: OpenIddict's own middleware comes with UseAuthentication.</summary>
    public static WebApplication UseIdentityRequests(this WebApplication app)
    {
        app.UseLoopbackWebRedirects();
        return app;
    }

}
