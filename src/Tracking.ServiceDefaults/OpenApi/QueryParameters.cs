using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>
/// A query parameter the endpoint reads as text (so a bad value is named in a 400) described as what it really is.
/// </summary>
/// <param name="Values">The values an enumeration-like parameter accepts.</param>
public sealed record QueryParameter(
    string Name, string Description, JsonSchemaType Type = JsonSchemaType.String, string? Format = null,
    IReadOnlyList<string>? Values = null, int? Minimum = null, int? Maximum = null);

public static class QueryParameterExtensions
{
    public static TBuilder DescribeQuery<TBuilder>(this TBuilder builder, params QueryParameter[] parameters) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. parameters]);
}

/// <summary>Query parameters in the camelCase clients send (binding ignores case), with the types and values the endpoint declared.</summary>
internal sealed class QueryParameters : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameter>()
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            if (!declared.TryGetValue(parameter.Name, out var described))
            {
                continue;
            }

            parameter.Description = described.Description;
            parameter.Schema = new OpenApiSchema
            {
                Type = described.Type,
                Format = described.Format,
                Enum = described.Values?.Select(v => (JsonNode)v).ToList(),
                Minimum = described.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Maximum = described.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return Task.CompletedTask;
    }
}
