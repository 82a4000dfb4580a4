using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>
/// Rewrites the generated schemas into what strict generators and validators read correctly: enumerations are
/// strings without a null member (nullability stays on the property), numbers are numbers (the server also reads
/// "3", but answers 3), marked text fields point at their enumeration, and a field a request must carry is not nullable.
/// </summary>
internal sealed class DocumentShapes : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        StandardResponses.Register(document);
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return Task.CompletedTask;
        }

        foreach (var schema in schemas.Values.ToList())
        {
            Visit(schema, document);
        }

        foreach (var operation in Operations(document))
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                Visit(parameter.Schema, document);
            }
        }

        // An optional body is one left out, not a JSON null: the body is not required and its schema is the object.
        foreach (var media in Operations(document).SelectMany(o => o.RequestBody?.Content?.Values.AsEnumerable() ?? []))
        {
            media.Schema = media.Schema is null ? null : NotNull(media.Schema);
        }

        foreach (var name in RequestComponents(document))
        {
            if (schemas.TryGetValue(name, out var component) && component is OpenApiSchema { Properties: { } properties, Required: { } required })
            {
                foreach (var property in required)
                {
                    if (properties.TryGetValue(property, out var value))
                    {
                        properties[property] = NotNull(value);
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Visit(IOpenApiSchema? node, OpenApiDocument document)
    {
        if (node is not OpenApiSchema schema)
        {
            return;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            var named = values.Where(v => v is JsonValue).ToList();
            schema.Enum = named;
            schema.Type = JsonSchemaType.String;
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (schema.Properties is { } properties)
        {
            foreach (var (name, property) in properties.ToList())
            {
                properties[name] = Replace(property, document);
            }
        }

        if (schema.Items is not null)
        {
            schema.Items = Replace(schema.Items, document);
        }

        foreach (var branch in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
        {
            Visit(branch, document);
        }

        Visit(schema.AdditionalProperties, document);
    }

    /// <summary>A marked text field becomes a reference to its enumeration (nullable stays a oneOf with null); anything else is visited.</summary>
    private static IOpenApiSchema Replace(IOpenApiSchema node, OpenApiDocument document)
    {
        if (node is not OpenApiSchema schema || schema.Extensions?.TryGetValue(SchemaShapes.EnumMarker, out var marker) != true)
        {
            Visit(node, document);
            return node;
        }

        var description = ((JsonNodeExtension)marker!).Node;
        var name = description["name"]!.GetValue<string>();
        var values = description["values"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        var schemas = document.Components!.Schemas!;
        if (!schemas.TryGetValue(name, out var existing))
        {
            schemas[name] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)v)] };
        }
        else if (existing.Enum?.OfType<JsonValue>().Select(v => v.GetValue<string>()).SequenceEqual(values) != true)
        {
            throw new InvalidOperationException($"Two fields call different value sets the enumeration {name}: give one of them its own name.");
        }

        var reference = new OpenApiSchemaReference(name, document);
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Array))
        {
            return new OpenApiSchema { Type = type, Items = reference, Description = schema.Description };
        }

        return schema.Type is { } nullable && nullable.HasFlag(JsonSchemaType.Null)
            ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference], Description = schema.Description }
            : reference;
    }

    /// <summary>A field the server requires is refused as null too, so the request schema does not offer null.</summary>
    private static IOpenApiSchema NotNull(IOpenApiSchema node)
    {
        if (node is not OpenApiSchema schema)
        {
            return node;
        }

        if (schema.OneOf is { Count: 2 } branches && branches.Count(b => b is OpenApiSchema { Type: JsonSchemaType.Null }) == 1)
        {
            return branches.Single(b => b is not OpenApiSchema { Type: JsonSchemaType.Null });
        }

        if (schema.Type is { } type && type != JsonSchemaType.Null)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        return schema;
    }

    private static IEnumerable<OpenApiOperation> Operations(OpenApiDocument document) =>
        document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []) ?? [];

    /// <summary>Names of the component schemas that request bodies use, directly or through other components.</summary>
    private static HashSet<string> RequestComponents(OpenApiDocument document)
    {
        var found = new HashSet<string>();
        var pending = new Stack<IOpenApiSchema>(Operations(document)
            .SelectMany(o => o.RequestBody?.Content?.Values ?? [])
            .Select(m => m.Schema).OfType<IOpenApiSchema>());
        while (pending.TryPop(out var node))
        {
            if (node is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (found.Add(id) && document.Components?.Schemas?.TryGetValue(id, out var target) == true)
                {
                    pending.Push(target);
                }

                continue;
            }

            if (node is not OpenApiSchema schema)
            {
                continue;
            }

            foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []))
            {
                pending.Push(child);
            }

            if (schema.Items is not null)
            {
                pending.Push(schema.Items);
            }
        }

        return found;
    }
}
