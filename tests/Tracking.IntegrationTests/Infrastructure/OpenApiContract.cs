using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// The served OpenAPI document as a checker of answers: is this status declared for the operation, is this content
/// type declared for it, and does the JSON body match the declared schema (JSON Schema 2020-12, formats asserted).
/// </summary>
public sealed class OpenApiContract
{
    private static readonly ConcurrentDictionary<string, OpenApiContract> ByDocument = new();

    private readonly JsonObject _document;
    private readonly JsonObject _definitions;
    private readonly List<(string Template, string[] Segments, JsonObject Item)> _paths;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private OpenApiContract(JsonObject document)
    {
        _document = document;
        _definitions = (JsonObject)Rewrite(document["components"]?["schemas"] ?? new JsonObject());
        _paths = [.. (document["paths"]?.AsObject() ?? []).Select(p => (p.Key, p.Key.Trim('/').Split('/'), p.Value!.AsObject()))];
    }

    /// <summary>One checker per distinct document: every embedded host serves the same one, so it is built once.</summary>
    public static OpenApiContract For(string documentText) =>
        ByDocument.GetOrAdd(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(documentText))),
            _ => new OpenApiContract(JsonNode.Parse(documentText)!.AsObject()));

    /// <returns>What the answer does that the document does not say, one line each; empty when it is true to the document.</returns>
    public IReadOnlyList<string> Check(string method, string path, int status, MediaTypeHeaderValue? contentType, byte[] body)
    {
        var where = $"{method} {path} → {status}";
        var (template, item) = Match(path);
        if (item is null)
        {
            // A route this host does not serve (another role's, say) is not in its document, and 404 is the truth about it.
            return status == 404 ? [] : [$"{where}: no path in the document matches"];
        }

        if (item[method.ToLowerInvariant()] is not JsonObject operation)
        {
            return [$"{where}: {template} declares no {method}"];
        }

        var responses = operation["responses"]?.AsObject() ?? [];
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = responses[code] ?? responses[$"{code[0]}XX"] ?? responses["default"];
        if (response is null)
        {
            return [$"{where}: {method} {template} does not declare {status} (declares {string.Join(", ", responses.Select(r => r.Key))})"];
        }

        response = Resolve(response);
        var declared = response["content"]?.AsObject();
        if (body.Length == 0)
        {
            return [];
        }

        var media = contentType?.MediaType;
        if (media is null || declared is null || declared[media] is not JsonObject mediaType)
        {
            return [$"{where}: {method} {template} {status} does not declare content type {media ?? "(none)"}"
                + $" (declares {string.Join(", ", declared?.Select(c => c.Key) ?? ["nothing"])})"];
        }

        if (!media.EndsWith("json", StringComparison.Ordinal) || mediaType["schema"] is not JsonObject schema)
        {
            return [];
        }

        var evaluator = _schemas.GetOrAdd($"{method} {template} {code} {media}", _ => Build(schema));
        using var instance = JsonDocument.Parse(body);
        var result = evaluator.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{where}: body at {d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .DefaultIfEmpty($"{where}: body does not match the schema")];
    }

    private JsonSchema Build(JsonObject schema)
    {
        var root = (JsonObject)Rewrite(schema);
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _definitions.DeepClone();
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>The most literal template that matches, so /outstanding/export.csv wins over /outstanding/{id}.</summary>
    private (string? Template, JsonObject? Item) Match(string path)
    {
        var segments = path.Trim('/').Split('/');
        var best = _paths
            .Where(p => p.Segments.Length == segments.Length
                && p.Segments.Zip(segments).All(s => s.First.StartsWith('{') || string.Equals(s.First, Uri.UnescapeDataString(s.Second), StringComparison.Ordinal)))
            .OrderByDescending(p => p.Segments.Count(s => !s.StartsWith('{')))
            .FirstOrDefault();
        return (best.Template, best.Item);
    }

    private JsonNode Resolve(JsonNode node) =>
        node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
            ? Resolve(reference[2..].Split('/').Aggregate((JsonNode)_document, (n, part) => n[part.Replace("~1", "/").Replace("~0", "~")]!))
            : node;

    /// <summary>A copy whose references point into $defs instead of the document's components.</summary>
    private static JsonNode Rewrite(JsonNode node)
    {
        var copy = node.DeepClone();
        foreach (var value in Descendants(copy).OfType<JsonObject>().Where(o => o["$ref"] is JsonValue).ToList())
        {
            value["$ref"] = value["$ref"]!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        }

        return copy;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
