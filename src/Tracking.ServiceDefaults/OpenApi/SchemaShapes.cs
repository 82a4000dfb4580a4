using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>What only the C# types know: which request fields are optional and which text fields hold an enumeration.</summary>
internal sealed class SchemaShapes : IOpenApiSchemaTransformer
{
    /// <summary>Marks a property schema that <see cref="DocumentShapes"/> replaces with a reference to the named enumeration.</summary>
    public const string EnumMarker = "x-tracking-enum";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: true }
                || property.AttributeProvider?.IsDefined(typeof(OpenApiOptionalAttribute), inherit: false) == true)
            {
                schema.Required?.Remove(property.Name);
            }

            var values = property.AttributeProvider?.GetCustomAttributes(typeof(OpenApiEnumAttribute), inherit: false)
                .OfType<OpenApiEnumAttribute>().FirstOrDefault();
            if (values is not null && schema.Properties.TryGetValue(property.Name, out var propertySchema) && propertySchema is OpenApiSchema inline)
            {
                inline.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                inline.Extensions[EnumMarker] = new JsonNodeExtension(new JsonObject
                {
                    ["name"] = values.Name,
                    ["values"] = new JsonArray([.. values.Values.Select(n => (JsonNode)n)]),
                });
            }
        }

        return Task.CompletedTask;
    }
}
