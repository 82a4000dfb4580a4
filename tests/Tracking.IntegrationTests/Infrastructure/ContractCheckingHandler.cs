namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// Sits in every test client: each answer from an /api route is checked against the served OpenAPI document, and an
/// answer the document does not describe fails the test that received it (and is listed in the run's violation log).
/// </summary>
public sealed class ContractCheckingHandler(Func<Task<OpenApiContract>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var violations = (await contract()).Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType, body);
        ContractViolations.Report(violations);
        return response;
    }
}
