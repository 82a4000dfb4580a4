using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracking.ServiceDefaults.OpenApi;

public static class FileResponses
{
    /// <summary>
    /// A 200 whose body is a file of one of these types, so generated clients read it as a stream instead of
    /// expecting JSON; the file name comes in Content-Disposition.
    /// </summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string description, params string[] contentTypes) =>
        builder
            .Produces(StatusCodes.Status200OK, contentType: contentTypes[0], additionalContentTypes: contentTypes[1..])
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Responses ??= new OpenApiResponses();
                operation.Responses["200"] = new OpenApiResponse
                {
                    Description = description,
                    Headers = new Dictionary<string, IOpenApiHeader>
                    {
                        ["Content-Disposition"] = new OpenApiHeader
                        {
                            Description = "attachment, with the file's name.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                    Content = contentTypes.ToDictionary(t => t, _ => new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    }),
                };
                return Task.CompletedTask;
            });
}
