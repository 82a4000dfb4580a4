using Notify.Interfaces;

namespace Tracking.Notifications.Delivery.Notify;

/// <summary>
/// The Notify client's HTTP port over a factory-made HttpClient. Client 6.0.0 always sets the public Notify address
/// when given its own port; this keeps the configured BaseUrl instead, so a Notify-compatible stand-in can be used.
/// </summary>
internal sealed class NotifyHttpClient(HttpClient http, Uri baseUrl) : IHttpClient
{
    public Uri BaseAddress
    {
        get => baseUrl;
        set { }
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = new Uri(baseUrl, relative);
        }

        return http.SendAsync(request);
    }

    public void SetClientBaseAddress()
    {
    }

    public void AddContentHeader(string header) => http.DefaultRequestHeaders.Accept.ParseAdd(header);

    public void AddUserAgent(string userAgent) => http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);

    // The factory owns the HttpClient's handler; disposing the client itself is all that is ours to do.
    public void Dispose() => http.Dispose();
}
