using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>A RabbitMQ virtual host of its own for one test class, so queues left by other runs cannot interfere.</summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private TestVirtualHost(string name, HttpClient management)
    {
        Name = name;
        _management = management;
    }

    public string Name { get; }

    public string AmqpUri(int? port = null) =>
        $"amqp://{TestServices.RabbitMqUser}:{TestServices.RabbitMqPassword}@{TestServices.RabbitMqHost}:{port ?? TestServices.RabbitMqPort}/{Name}";

    public static async Task<TestVirtualHost> Create()
    {
        var management = new HttpClient { BaseAddress = TestServices.RabbitMqManagement };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestServices.RabbitMqUser}:{TestServices.RabbitMqPassword}")));
        var name = $"tracking-test-{Guid.NewGuid():N}"[..30];
        (await management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync($"api/permissions/{name}/{TestServices.RabbitMqUser}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new TestVirtualHost(name, management);
    }

    /// <summary>Messages waiting in a queue of this virtual host (the management API refreshes every few seconds).</summary>
    public async Task<int> QueueDepth(string queue)
    {
        var response = await _management.GetAsync($"api/queues/{Name}/{queue}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return 0;
        }

        var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.TryGetProperty("messages", out var messages) ? messages.GetInt32() : 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"api/vhosts/{Name}");
        _management.Dispose();
    }
}
