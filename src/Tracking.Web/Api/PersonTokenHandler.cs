using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Tracking.Web.SignIn;

namespace Tracking.Web.Api;

/// <summary>Every API call carries the signed-in person's own access token: the API decides what they may do, not the portal.</summary>
internal sealed class PersonTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && await context.AccessToken() is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// Tracking:Web:ApiBaseAddress when set (distributed: the web role is its own process); otherwise this same process,
/// at the origin the page request came in on.
/// </summary>
internal sealed class ApiAddressHandler(IHttpContextAccessor accessor, Uri? configured) : DelegatingHandler
{
    public static readonly Uri Placeholder = new("http://tracking-api.invalid/");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var origin = configured ?? (accessor.HttpContext?.Request is { } page ? new Uri($"{page.Scheme}://{page.Host}/") : null);
        if (origin is not null && request.RequestUri is { } uri && uri.Host == Placeholder.Host)
        {
            request.RequestUri = new Uri(origin, uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
