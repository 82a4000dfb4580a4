using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>Title, contact, licence, tags and servers: what an integrator reads first.</summary>
/// <param name="serverUrl">Tracking:OpenApi:ServerUrl; empty keeps the document relative, never the host that happened to fetch it.</param>
internal sealed class DocumentInfo(string? serverUrl) : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Inspections"] = "Record an inspection with its ratings and recommendations as a draft, view it, and publish it.",
        ["Recommendations"] = "Follow each published recommendation: the provider's response, its action plan, evidence and "
            + "the inspectorate's reviews, target-date revisions, closure and history.",
        ["Planning"] = "Planners' views of what is outstanding and overdue by provider, region and standard, exports, "
            + "reinspection plans with their checklists, and the rebuild of this read model.",
        ["Scheduling"] = "Deadlines, reminders and follow-up reviews as a list or a calendar feed; planners move or cancel follow-up reviews.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Tracking API",
            Version = TrackingOpenApi.Version,
            Description = "Follows the recommendations HM Inspectorate of Probation makes in its inspection reports until the "
                + "inspected providers have acted on them. Every route needs a bearer token; errors are RFC 9457 problem details. "
                + "POSTs that carry an Idempotency-Key header have no second effect when retried with the same key.",
            Contact = new OpenApiContact { Name = "HM Inspectorate of Probation", Url = new Uri("https://www.justiceinspectorates.gov.uk/hmiprobation/") },
            // No licence file is in the repository yet: Crown copyright is the default for a government department's code.
            License = new OpenApiLicense { Name = "Crown copyright", Url = new Uri("https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/") },
        };
        document.Servers = [new OpenApiServer
        {
            Url = string.IsNullOrWhiteSpace(serverUrl) ? "/" : serverUrl.TrimEnd('/'),
            Description = "This server",
        }];
        document.Tags = new HashSet<OpenApiTag>(
            (document.Tags ?? new HashSet<OpenApiTag>()).Select(t => new OpenApiTag
            {
                Name = t.Name,
                Description = t.Name is { } name && TagDescriptions.TryGetValue(name, out var text) ? text : t.Description,
            }));
        return Task.CompletedTask;
    }
}
