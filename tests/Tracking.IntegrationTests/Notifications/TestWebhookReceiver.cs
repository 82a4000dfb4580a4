using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>
/// An organisation's webhook receiver on a loopback port: it verifies every request with the StandardWebhooks
/// package (the documented algorithm, not our code) and answers with the statuses it is told to, then 200.
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    private TestWebhookReceiver(WebApplication app) => _app = app;

    public string? Secret { get; set; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public sealed record Received(string WebhookId, bool Verified, string Body, int Answer);

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks/tracking";

    /// <summary>The next requests are answered with these statuses, in order; after them, 200.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _answers.Enqueue(status);
        }
    }

    public static async Task<TestWebhookReceiver> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new TestWebhookReceiver(app);
        app.MapPost("/hooks/tracking", receiver.Receive);
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> Receive(HttpRequest request)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        bool verified;
        try
        {
            new StandardWebhook(Secret!).Verify(body, request.Headers);
            verified = true;
        }
        catch (WebhookVerificationException)
        {
            verified = false;
        }

        var answer = verified ? _answers.TryDequeue(out var planned) ? planned : 200 : 401;
        Requests.Enqueue(new Received(request.Headers["webhook-id"].ToString(), verified, body, answer));
        return Results.StatusCode(answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
