using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Tracking.Notifications.Webhooks;

/// <summary>
/// Keeps webhooks off the inside network: a URL whose host is, or resolves to, a private, loopback, link-local or
/// other non-public address is refused unless Webhooks:AllowedNetworks names it. Checked when an endpoint is
/// registered and again on every connection (a name may resolve differently later).
/// </summary>
public sealed class WebhookAddressGuard(IOptions<WebhookOptions> options)
{
    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"), IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private IPNetwork[] Allowed => [.. options.Value.AllowedNetworks.Select(n => n.Contains('/') ? IPNetwork.Parse(n) : new IPNetwork(IPAddress.Parse(n), IPAddress.Parse(n).AddressFamily == AddressFamily.InterNetwork ? 32 : 128))];

    public bool Permits(IPAddress address)
    {
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return !NotPublic.Any(n => n.Contains(ip)) || Allowed.Any(n => n.Contains(ip));
    }

    /// <summary>Why this URL may not be called, in words for the problem details; null when it may.</summary>
    public async Task<string?> Refusal(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0)
        {
            return "Enter the full address of your receiver, starting https://";
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"{uri.Host} could not be found";
        }

        // Plain http only inside an allowed network (a test receiver, say): event data must not cross the internet unencrypted.
        return addresses.Length == 0 ? $"{uri.Host} could not be found"
            : !addresses.All(Permits) ? $"{uri.Host} is a private, loopback or link-local address, which webhooks may not call"
            : uri.Scheme == Uri.UriSchemeHttp && !addresses.All(a => Allowed.Any(n => n.Contains(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)))
                ? "The address must start https://"
                : null;
    }

    /// <summary>Connects only to a permitted address of the host, so a name that later resolves inside is still refused.</summary>
    public async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var permitted = addresses.FirstOrDefault(Permits)
            ?? throw new HttpRequestException($"{endpoint.Host} resolves only to addresses webhooks may not call");
        var socket = new Socket(permitted.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(permitted, endpoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
