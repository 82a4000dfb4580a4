using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracking.ServiceDefaults.Security;

/// <summary>
/// Declares how to send a token in the OpenAPI document so the interactive docs can: a bearer token pasted in, or
/// one got by signing in (authorization code + PKCE through the public docs client) at the authority, or at this
/// origin's identity service when there is none (relative URLs, like the document's server).
/// </summary>
internal sealed class ApiSecuritySchemes(AuthSettings auth) : IOpenApiDocumentTransformer
{
    public const string Bearer = "Bearer";
    public const string SignIn = "OAuth2";

    public const string ApiScope = "tracking-api";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from the configured authority, or locally: dotnet run --project src/Tracking.Server -- token --role inspector",
        };
        document.Components.SecuritySchemes[SignIn] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = $"Sign in as a person (authorization code + PKCE, public client {DocsSignIn.ClientId}); the interactive docs' Authorize button does this.",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = AuthorityUrl("connect/authorize"),
                    TokenUrl = AuthorityUrl("connect/token"),
                    Scopes = new Dictionary<string, string> { [ApiScope] = "Call the Tracking API as yourself" },
                },
            },
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SignIn, document)] = [ApiScope] });
        return Task.CompletedTask;
    }

    /// <summary>Under the configured authority, else relative to this origin (the embedded identity service).</summary>
    public Uri AuthorityUrl(string path) => auth.UsesExternalAuthority
        ? new Uri(new Uri(auth.Authority!.TrimEnd('/') + "/"), path)
        : new Uri("/" + path, UriKind.Relative);
}
