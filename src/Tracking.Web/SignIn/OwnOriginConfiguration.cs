using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Tracking.Web.SignIn;

/// <summary>
/// OpenID Connect metadata from the identity role in this same process, at the origin the request came in on: the
/// embedded default has no configured issuer (it is whatever address the server listens on, like the identity role's).
/// </summary>
internal sealed class OwnOriginConfiguration(IHttpContextAccessor accessor) : IConfigurationManager<OpenIdConnectConfiguration>
{
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _byOrigin = new();
    private static readonly HttpClient Backchannel = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Current().GetConfigurationAsync(cancel);

    public void RequestRefresh() => Current().RequestRefresh();

    private ConfigurationManager<OpenIdConnectConfiguration> Current()
    {
        var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("Sign-in metadata is read during a request.");
        var origin = $"{request.Scheme}://{request.Host}";
        return _byOrigin.GetOrAdd(origin, o => new ConfigurationManager<OpenIdConnectConfiguration>(
            $"{o}/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(Backchannel) { RequireHttps = false }));
    }
}
