using System.Net.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.PlanAction;

/// <summary>The named person answerable for an action.</summary>
public sealed record ActionOwnerInput(string? Name, string? Email);

/// <param name="Description">What will be done: specific enough to track.</param>
/// <param name="TargetDate">When it will be done; not in the past (UK date).</param>
/// <param name="MeasureOfSuccess">Optional: how everyone will know it worked.</param>
public sealed record PlanActionRequest(string? Description, ActionOwnerInput? Owner, DateOnly? TargetDate,
    [property: OpenApiOptional] string? MeasureOfSuccess);

public static class PlanActionEndpoint
{
    public const int MaxDescription = 2000;
    public const int MaxOwnerName = 200;
    public const int MaxOwnerEmail = 320;

    public static RouteGroupBuilder MapPlanAction(this RouteGroupBuilder recommendations)
    {
        recommendations.MapPost("/{id:guid}/actions", async (Guid id, PlanActionRequest request, RecommendationCommand command, CancellationToken ct) =>
            {
                var validation = Validate(request, command.Today);
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                return await command.Run(id,
                    (r, actor, now) => r.PlanAction(request.Description!.Trim(), request.Owner!.Name!.Trim(), request.Owner.Email!.Trim(),
                        request.TargetDate!.Value, Optional(request.MeasureOfSuccess), command.Today, actor, now),
                    (r, planned) => Results.Created($"/api/recommendations/{id}/actions/{planned.ActionId}", RecommendationDetail.From(r)), ct);
            })
            .RequireAuthorization(TrackingPolicies.ProviderWork)
            .WithName("PlanAction")
            .WithSummary("Add a SMART action to the provider's plan: description, named owner, target date, optional measure of success")
            .Produces<RecommendationDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return recommendations;
    }

    private static Validation Validate(PlanActionRequest request, DateOnly today)
    {
        var validation = new Validation()
            .Text(request.Description, "description", required: true, max: MaxDescription, what: "a description of the action")
            .Text(request.Owner?.Name, "owner.name", required: true, max: MaxOwnerName, what: "the name of the action's owner")
            .Text(request.Owner?.Email, "owner.email", required: true, max: MaxOwnerEmail, what: "the email address of the action's owner")
            .Text(request.MeasureOfSuccess, "measureOfSuccess", required: false, max: MaxDescription, what: "the measure of success");
        if (!string.IsNullOrWhiteSpace(request.Owner?.Email) && request.Owner.Email.Length <= MaxOwnerEmail)
        {
            validation.Require(IsPlausibleEmail(request.Owner.Email.Trim()), "owner.email", "Enter an email address like name@example.org.");
        }

        if (request.TargetDate is null)
        {
            validation.Add("targetDate", "Enter the target date.");
        }
        else
        {
            validation.Require(request.TargetDate >= today, "targetDate", "The target date cannot be in the past.")
                .WithinHorizon(request.TargetDate, today, "targetDate");
        }

        return validation;
    }

    /// <summary>One address, with a local part and a dotted domain: enough to catch typing slips, not to prove it exists.</summary>
    private static bool IsPlausibleEmail(string email) =>
        MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.DisplayName.Length == 0
        && !email.Any(char.IsWhiteSpace)
        && parsed.Host.Contains('.')
        && !parsed.Host.StartsWith('.')
        && !parsed.Host.EndsWith('.');

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
