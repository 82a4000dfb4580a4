using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Features.ManagePeople;

/// <summary>Admins list, invite, change, deactivate and reactivate people (/api/people).</summary>
internal static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapManagePeople(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").WithTags("People").RequireAuthorization(TrackingPolicies.ManagePeople);

        people.MapGet("/", (PeopleAdmin admin, CancellationToken ct) => admin.List(ct))
            .WithName("ListPeople")
            .WithSummary("Everyone with an account: invited, active and deactivated")
            .Produces<List<PersonView>>();

        people.MapGet("/{id:guid}", async (Guid id, PeopleAdmin admin) => PersonView.Of(await admin.Find(id)))
            .WithName("ViewPerson")
            .WithSummary("One person's account")
            .Produces<PersonView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/", async (InvitePersonRequest request, PeopleAdmin admin, CurrentUser user, HttpContext context, CancellationToken ct) =>
            {
                var (person, validation) = await admin.Invite(request, user.Subject, IdentityOrigin.Of(context), ct);
                return person is null ? Results.ValidationProblem(validation.Errors) : Results.Created($"/api/people/{person.Id}", person);
            })
            .WithName("InvitePerson")
            .WithSummary("Add a person and e-mail them a single-use invitation (72 hours) to set their password")
            .Produces<PersonView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        people.MapPost("/invitations", async (ReinviteRequest request, PeopleAdmin admin, CurrentUser user, HttpContext context, CancellationToken ct) =>
                string.IsNullOrWhiteSpace(request.Email)
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Enter the email address of the invited person."] })
                    : Results.Ok(await admin.Reinvite(request.Email, user.Subject, IdentityOrigin.Of(context), ct)))
            .WithName("ResendInvitation")
            .WithSummary("Send an invited person a new invitation; earlier links stop working")
            .Produces<PersonView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapPut("/{id:guid}", async (Guid id, ChangePersonRequest request, PeopleAdmin admin, CurrentUser user, CancellationToken ct) =>
            {
                var (person, validation) = await admin.Change(id, request, user.Subject, ct);
                return person is null ? Results.ValidationProblem(validation.Errors) : Results.Ok(person);
            })
            .WithName("ChangePerson")
            .WithSummary("Change a person's name, role or provider; their next token carries it")
            .Produces<PersonView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapPost("/{id:guid}/deactivation", async (Guid id, PeopleAdmin admin, CurrentUser user, CancellationToken ct) =>
                await admin.Deactivate(id, user.Subject, ct))
            .WithName("DeactivatePerson")
            .WithSummary("Stop a person signing in: refresh is refused at once, access tokens lapse within their lifetime")
            .Produces<PersonView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapPost("/{id:guid}/reactivation", async (Guid id, PeopleAdmin admin, CurrentUser user, CancellationToken ct) =>
                await admin.Reactivate(id, user.Subject, ct))
            .WithName("ReactivatePerson")
            .WithSummary("Let a deactivated person sign in again")
            .Produces<PersonView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
