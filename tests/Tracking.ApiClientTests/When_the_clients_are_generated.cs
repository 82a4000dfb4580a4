using System.Text.Json.Nodes;

namespace Tracking.ApiClientTests;

/// <summary>The clients in this project are generated at build from docs/openapi/v1.json; that must be what the server serves.</summary>
[Collection(HostCollection.Name)]
public sealed class When_the_clients_are_generated
{
    [Fact]
    public async Task They_come_from_the_document_the_server_serves()
    {
        await using var host = new EmbeddedHost();
        var served = JsonNode.Parse(await host.CreateClient().GetStringAsync("/openapi/v1.json"));
        var generatedFrom = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi-v1.json")));

        JsonNode.DeepEquals(served, generatedFrom).ShouldBeTrue(
            "The server's document has moved on from docs/openapi/v1.json, so these clients are stale. Approve it with "
            + "UPDATE_OPENAPI=1 dotnet test tests/Tracking.IntegrationTests --filter When_the_api_contract_is_checked and rebuild.");
    }
}
