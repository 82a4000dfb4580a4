using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tracking.ServiceDefaults.Security;

namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>
/// The one place the served OpenAPI document is shaped: what the framework cannot see (hand-parsed query strings,
/// the answers every route can give, fixed-value text fields) is added here and by endpoint metadata, never by
/// editing JSON. `docs/openapi/v1.json` is the approved copy; tests fail when the served one drifts from it.
/// </summary>
public static class TrackingOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>The contract's version: a breaking change to the document needs a new one and a line for it in the README.</summary>
    public const string Version = "1.0.0";

    public static IServiceCollection AddTrackingOpenApi(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddSchemaTransformer<SchemaShapes>();
            o.AddOperationTransformer<StandardResponses>();
            o.AddOperationTransformer<QueryParameters>();
            o.AddDocumentTransformer(new DocumentInfo(configuration["Tracking:OpenApi:ServerUrl"]));
            o.AddDocumentTransformer<ApiSecuritySchemes>();
            o.AddDocumentTransformer<DocumentShapes>();
        });
}
