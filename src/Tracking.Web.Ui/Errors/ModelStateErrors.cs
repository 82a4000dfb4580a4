using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tracking.Web.Ui.Errors;

public static class ModelStateErrors
{
    public static string? FirstErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// Copies an RFC 9457 problem details body into ModelState: each entry of its "errors" (keyed by JSON field name)
    /// goes to the page field fieldMap names (case-insensitive; unmapped fields go to the form as a whole), and a
    /// problem without field errors (a 409's reason, say) becomes one error for the whole form. Returns whether any was added.
    /// </summary>
    public static bool AddProblemDetails(this ModelStateDictionary modelState, JsonElement problem, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        var added = false;
        if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                var key = MapField(field.Name, fieldMap);
                var messages = field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Select(m => m.GetString()).OfType<string>()
                    : [field.Value.ToString()];
                foreach (var message in messages)
                {
                    modelState.AddModelError(key, message);
                    added = true;
                }
            }
        }

        if (!added)
        {
            var detail = problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var title = problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            modelState.AddModelError("", detail ?? title ?? "Something went wrong. Try again.");
            added = true;
        }

        return added;
    }

    private static string MapField(string jsonField, IReadOnlyDictionary<string, string>? fieldMap)
    {
        if (fieldMap is null)
        {
            return "";
        }

        foreach (var (apiField, pageField) in fieldMap)
        {
            if (string.Equals(apiField, jsonField, StringComparison.OrdinalIgnoreCase))
            {
                return pageField;
            }
        }

        return "";
    }
}
