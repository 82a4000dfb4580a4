using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tracking.ServiceDefaults.Security;

namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>
/// The answers any route can give whatever its feature: 401/403 where a token is needed, 400/413/415 where a body is
/// read, 404 for a path that names nothing, the Idempotency-Key header with its 409/422, and 429/503 everywhere under
/// /api. A feature declares what is its own (its 400 fields, 404, 409); this adds only what it left out.
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
            Add(operation, StatusCodes.Status401Unauthorized, "No bearer token, or one that is expired or not ours.", document);
            Add(operation, StatusCodes.Status403Forbidden, "The token's role may not do this.", document);
        }

        if (operation.RequestBody is not null)
        {
            Add(operation, StatusCodes.Status400BadRequest, "The body could not be read or a field is invalid: `errors` names each field.", document,
                validation: true);
            Add(operation, StatusCodes.Status413PayloadTooLarge, "The body is larger than the server accepts (Tracking:Limits:MaxRequestBodyBytes).", document);
            Add(operation, StatusCodes.Status415UnsupportedMediaType, "The body is not of a content type this route reads.", document);
        }

        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
        {
            Add(operation, StatusCodes.Status404NotFound, "Nothing with that id, or nothing the caller may see.", document);
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
            Add(operation, StatusCodes.Status400BadRequest, "A field is invalid, or the Idempotency-Key is longer than 100 characters.", document,
                validation: true);
            Add(operation, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still in progress; retry it in a moment.", document);
            Add(operation, StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was already used for a different request; use a new key.", document);
        }

        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Add(operation, StatusCodes.Status429TooManyRequests, "Too many requests from this caller; wait for the Retry-After header's seconds.", document,
                retryAfter: true);
            Add(operation, StatusCodes.Status503ServiceUnavailable, "A database or the message broker this route needs is unreachable; retry later.",
                document, retryAfter: true);
        }

        if (string.IsNullOrEmpty(operation.Description))
        {
            var who = policies.Select(p => WhoMay.TryGetValue(p, out var text) ? text : null).OfType<string>().FirstOrDefault();
            operation.Description = (operation.Summary is { Length: > 0 } summary ? summary.TrimEnd('.') + ". " : "")
                + (anonymous ? "Open to anyone." : who is null ? "Needs a bearer token." : $"Who may call it: {who}.");
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, int status, string description, OpenApiDocument? document,
        bool validation = false, bool retryAfter = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

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

        operation.Responses[key] = response;
    }
}
