using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Domain;
using Tracking.Recommendations.Evidence;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Recommendations.Features.SubmitEvidence;

public static class SubmitEvidenceEndpoint
{
    public static RouteGroupBuilder MapSubmitEvidence(this RouteGroupBuilder recommendations)
    {
        recommendations.MapPost("/{id:guid}/evidence", async (Guid id, HttpRequest request, RecommendationCommand command, RecommendationsDbContext db,
                CurrentUser user, EvidenceFileStore store, ContentSniffer sniffer, IOptions<EvidenceOptions> options, IOptions<FormOptions> limits,
                CancellationToken ct) =>
            {
                var validation = new Validation();
                var (form, refusal) = await EvidenceForm.Read(request, limits.Value, validation, ct);
                if (refusal is not null)
                {
                    return refusal;
                }

                var upload = await EvidenceForm.Check(form!, options.Value, sniffer, command.Today, validation, ct);
                if (upload is null)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                // Everything that can refuse the submission is asked before a file is stored, so a refusal leaves nothing behind.
                // Only what the command needs is loaded: the row, its actions and a summary of the evidence, never the evidence itself.
                var recommendation = await db.LoadForEvidence(id, ct);
                if (recommendation is null || !user.CanSee(recommendation.ProviderId))
                {
                    return RecommendationCommand.NotFound(id);
                }

                RecommendationLifecycle.EnsureAllowed(recommendation.Status, LifecycleCommand.SubmitEvidence);
                if (upload.ActionIds.Except(recommendation.Actions.Select(a => a.Id)).Any())
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["actionIds"] = ["Each action id must be the id of an action on this recommendation."],
                    });
                }

                var files = new List<EvidenceFile>();
                foreach (var file in upload.Files)
                {
                    await using var content = file.Content.OpenReadStream();
                    var stored = await store.Store(content, ct);
                    files.Add(new EvidenceFile
                    {
                        Id = Guid.CreateVersion7(),
                        ContentHash = stored.ContentHash,
                        ContentType = file.MediaType,
                        Size = stored.Size,
                        OriginalName = file.DisplayName,
                        Position = files.Count,
                    });
                }

                var submitted = await command.Apply(recommendation,
                    (r, actor, now) => r.SubmitEvidence(upload.Narrative, upload.EffectiveDate, upload.ActionIds, files, actor, now), ct);

                // The answer keeps its contract (the whole detail), read untracked after the save rather than kept from a full load.
                var answer = await RecommendationDetail.Read(db, id, user, CancellationToken.None);
                return Results.Created($"/api/recommendations/{id}/evidence/{submitted.EvidenceId}", answer);
            })
            .RequireAuthorization(TrackingPolicies.ProviderWork)
            // Callers authenticate with bearer tokens, never cookies, so there is no cross-site form post to forge.
            .DisableAntiforgery()
            .WithName("SubmitEvidence")
            .WithSummary("Evidence that an action has taken effect: multipart with narrative, effectiveDate, actionIds and files")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = FormDescription();
                return Task.CompletedTask;
            })
            .Produces<RecommendationDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return recommendations;
    }

    /// <summary>The form is read by hand, so the interactive docs are told its fields explicitly.</summary>
    private static OpenApiRequestBody FormDescription() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "narrative", "effectiveDate" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["narrative"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = EvidenceForm.MaxNarrative },
                        ["effectiveDate"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String, Format = "date", Description = "When the change took effect (yyyy-MM-dd); not in the future.",
                        },
                        ["actionIds"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                            Description = "Actions on this recommendation that the evidence covers.",
                        },
                        [EvidenceForm.FilesField] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            Description = "Each with a declared Content-Type that matches its content.",
                        },
                    },
                },
            },
        },
    };
}
