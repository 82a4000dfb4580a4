using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tracking.ServiceDefaults.Security;

namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>
/// The answers any route can give whatever its feature: 401/403 where a token is needed, 400 where a body or query is
/// read (413/415 for a body), 404 for a path that names nothing, 409 for any write, the Idempotency-Key header with 422,
/// and 429/503 everywhere under /api. A feature declares what is its own (its 400 fields, 404, 409); this adds only what it left out.
/// </summary>
internal sealed class StandardResponses : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> WhoMay = new()
    {
        [TrackingPolicies.Inspectorate] = "inspectors",
        [TrackingPolicies.ProviderWork] = "provider managers, for their own providers",
        [TrackingPolicies.ReadRecommendations] = "inspectors, planners, and provider managers for their own providers",
        [TrackingPolicies.ReadEvidenceFiles] = "inspectors, and provider managers for their own providers",
        [TrackingPolicies.ReadPlanning] = "inspectors, planners, and provider managers for their own providers' rows",
        [TrackingPolicies.ReadSchedule] = "inspectors, planners, and provider managers for their own providers",
        [TrackingPolicies.ManageSchedule] = "planners",
        [TrackingPolicies.PlanReinspections] = "planners and inspectors",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        var method = context.Description.HttpMethod ?? "GET";
        var path = "/" + (context.Description.RelativePath ?? "");
        operation.Responses ??= new OpenApiResponses();

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        if (!anonymous)
        {
            Add(operation, StatusCodes.Status401Unauthorized, "Unauthorized", document);
            Add(operation, StatusCodes.Status403Forbidden, "Forbidden", document);
        }

        if (operation.RequestBody is not null)
        {
            Add(operation, StatusCodes.Status400BadRequest, "BadRequest", document);
            Add(operation, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", document);
            Add(operation, StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", document);
        }

        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
        {
            Add(operation, StatusCodes.Status400BadRequest, "BadRequest", document);
        }

        if (method is not ("GET" or "HEAD"))
        {
            // Every write saves under optimistic concurrency: two at once, and the loser is told to retry.
            Add(operation, StatusCodes.Status409Conflict, "Conflict", document);
        }

        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
        {
            Add(operation, StatusCodes.Status404NotFound, "NotFound", document);
        }

        if (metadata.OfType<IdempotencyKeyMetadata>().Any() && method is not ("GET" or "HEAD"))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeyMetadata.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Any unique text of up to 100 characters; a retry with the same key gets the first answer again and has no second effect.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
            });
            Add(operation, StatusCodes.Status400BadRequest, "BadRequest", document);
            Add(operation, StatusCodes.Status409Conflict, "Conflict", document);
            Add(operation, StatusCodes.Status422UnprocessableEntity, "IdempotencyKeyReused", document);
        }

        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Add(operation, StatusCodes.Status429TooManyRequests, "TooManyRequests", document);
            Add(operation, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", document);
        }

        if (string.IsNullOrEmpty(operation.Description))
        {
            var who = policies.Select(p => WhoMay.TryGetValue(p, out var text) ? text : null).OfType<string>().FirstOrDefault();
            operation.Description = (operation.Summary is { Length: > 0 } summary ? summary.TrimEnd('.') + ". " : "")
                + (anonymous ? "Open to anyone." : who is null ? "Needs a bearer token." : $"Who may call it: {who}.");
        }

        return Task.CompletedTask;
    }

    /// <summary>The shared answers, once in components/responses, so each operation refers to them rather than repeating them.</summary>
    public static void Register(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        var used = (document.Paths?.Values.AsEnumerable() ?? []).SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []).OfType<OpenApiResponseReference>()
            .Select(r => r.Reference.Id).ToHashSet();
        foreach (var (name, (description, validation, retryAfter)) in Shared.Where(s => used.Contains(s.Key)))
        {
            var response = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(validation ? "HttpValidationProblemDetails" : "ProblemDetails", document),
                    },
                },
            };
            if (retryAfter)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before retrying.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
                    },
                };
            }

            document.Components.Responses[name] = response;
        }
    }

    private static readonly Dictionary<string, (string Description, bool Validation, bool RetryAfter)> Shared = new()
    {
        ["Unauthorized"] = ("No bearer token, or one that is expired or not ours.", false, false),
        ["Forbidden"] = ("The token's role may not do this.", false, false),
        ["BadRequest"] = ("The body or a parameter could not be read or is invalid: `errors` names each field.", true, false),
        ["PayloadTooLarge"] = ("The body is larger than the server accepts (Tracking:Limits:MaxRequestBodyBytes).", false, false),
        ["UnsupportedMediaType"] = ("The body is not of a content type this route reads.", false, false),
        ["NotFound"] = ("Nothing with that id, or nothing the caller may see.", false, false),
        ["Conflict"] = ("Someone else changed the same thing at the same time, or a request with this Idempotency-Key is still in progress: reload and retry.", false, false),
        ["IdempotencyKeyReused"] = ("This Idempotency-Key was already used for a different request; use a new key.", false, false),
        ["TooManyRequests"] = ("Too many requests from this caller; wait for the Retry-After header's seconds.", false, true),
        ["ServiceUnavailable"] = ("A database or the message broker this route needs is unreachable; retry later.", false, true),
    };

    private static void Add(OpenApiOperation operation, int status, string name, OpenApiDocument? document)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        operation.Responses!.TryAdd(key, new OpenApiResponseReference(name, document));
    }
}
