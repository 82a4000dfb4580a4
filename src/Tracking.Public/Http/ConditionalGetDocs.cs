using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracking.Public.Http;

/// <summary>The document says what <see cref="PublicAnswers"/> does: validators and caching on 200, the conditional request headers, 304.</summary>
internal static class ConditionalGetDocs
{
    /// <summary>Call after the 200 is declared (ProducesFile replaces it), so the headers land on the final one.</summary>
    public static RouteHandlerBuilder CachedForEveryone(this RouteHandlerBuilder builder) => builder
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Header("If-None-Match", "An ETag from an earlier answer: 304 if it is still current."));
            operation.Parameters.Add(Header("If-Modified-Since", "An HTTP date: 304 if nothing changed since (ignored when If-None-Match is sent)."));
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["ETag"] = Described("A strong validator of this answer's bytes.");
                response.Headers["Last-Modified"] = Described("When the newest event behind this answer happened.");
                response.Headers["Cache-Control"] = Described($"`{PublicAnswers.CacheControl}`: the same answer for everyone, cacheable briefly.");
            }

            if (operation.Responses?.TryGetValue("304", out var notModified) == true && notModified is OpenApiResponse unchanged)
            {
                unchanged.Description = "Not modified: the ETag or date sent is still current; no body.";
            }

            return Task.CompletedTask;
        });

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = false, Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiHeader Described(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
