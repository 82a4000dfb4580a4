using System.Text.Json.Nodes;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// The differences between the approved and the served document that can break a client already generated from the
/// approved one: a route or operation gone, a response field or enumeration value gone, a request field newly required.
/// </summary>
public static class OpenApiChanges
{
    public static IReadOnlyList<string> Breaking(JsonNode approved, JsonNode served)
    {
        var found = new List<string>();
        foreach (var (path, item) in approved["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, _) in item!.AsObject())
            {
                if (served["paths"]?[path]?[method] is null)
                {
                    found.Add($"operation removed: {method.ToUpperInvariant()} {path}");
                }
            }
        }

        var before = approved["components"]?["schemas"]?.AsObject() ?? [];
        var after = served["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (name, schema) in before)
        {
            if (after[name] is not JsonObject now)
            {
                found.Add($"schema removed: {name}");
                continue;
            }

            foreach (var (property, _) in schema?["properties"]?.AsObject() ?? [])
            {
                if (now["properties"]?[property] is null)
                {
                    found.Add($"field removed: {name}.{property}");
                }
            }

            var values = now["enum"]?.AsArray().Select(v => v?.ToJsonString()).ToHashSet() ?? [];
            foreach (var value in schema?["enum"]?.AsArray() ?? [])
            {
                if (!values.Contains(value?.ToJsonString()))
                {
                    found.Add($"enumeration value removed: {name} {value?.ToJsonString()}");
                }
            }

            var required = schema?["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            foreach (var field in now["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                if (!required.Contains(field))
                {
                    found.Add($"field newly required: {name}.{field}");
                }
            }
        }

        return found;
    }
}
