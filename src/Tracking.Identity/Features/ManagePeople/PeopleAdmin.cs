using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Tracking.Contracts;
using Tracking.Identity.Audit;
using Tracking.Identity.Data;
using Tracking.Identity.Invitations;
using Tracking.Identity.People;
using Tracking.ServiceDefaults.Http;

namespace Tracking.Identity.Features.ManagePeople;

/// <summary>
/// What an admin does to people, for the API and the admin pages alike. Each change, its Person* event and its audit
/// line commit in one SaveChanges (the Identity store's), so no event is sent for a change that did not happen.
/// </summary>
internal sealed class PeopleAdmin(PeopleDbContext db, UserManager<Person> users, AuditLog audit, InvitationMail mail,
    IOpenIddictTokenManager tokens, TimeProvider clock)
{
    public async Task<(PersonView? Person, Validation Validation)> Invite(InvitePersonRequest request, string actor, Uri origin, CancellationToken ct)
    {
        var validation = PersonDetails.Validate(request.Name, request.Role, request.ProviderId, PersonDetails.ValidateEmail(request.Email, new Validation()));
        if (validation.IsValid && await users.FindByEmailAsync(request.Email!) is not null)
        {
            validation.Add("email", "A person with this email address already has an account.");
        }

        if (!validation.IsValid)
        {
            return (null, validation);
        }

        var now = clock.GetUtcNow();
        var person = new Person
        {
            Id = Guid.NewGuid().ToString(),
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            Name = request.Name!.Trim(),
            Role = request.Role!,
            ProviderId = Blank(request.ProviderId),
            Status = PersonStatus.Invited,
            CreatedAt = now.UtcDateTime,
        };
        var (invitation, code) = Invitation.Issue(person.Id, now.UtcDateTime);
        db.Invitations.Add(invitation);
        db.Publish(new PersonInvited(Guid.Parse(person.Id), person.Email!, person.Name, person.Role, person.ProviderId, now), now);
        audit.Add(AuditActions.Invited, actor, person.Id, person.Email, $"role {person.Role}{Provider(person)}");
        var created = await users.CreateAsync(person);
        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            return (null, IdentityErrors(created, validation));
        }

        await mail.Send(person, code, invitation.ExpiresAt, origin, ct);
        return (PersonView.Of(person), validation);
    }

    public async Task<PersonView> Reinvite(string email, string actor, Uri origin, CancellationToken ct)
    {
        var person = await users.FindByEmailAsync(email) ?? throw new KeyNotFoundException($"No person has the email address {email}.");
        if (person.Status != PersonStatus.Invited)
        {
            throw new ConflictException($"{person.Name} has already set up their account; a new invitation is only for someone who has not.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var open in await db.Invitations.Where(i => i.PersonId == person.Id && i.UsedAt == null && i.WithdrawnAt == null).ToListAsync(ct))
        {
            open.Withdraw(now);
        }

        var (invitation, code) = Invitation.Issue(person.Id, now);
        db.Invitations.Add(invitation);
        audit.Add(AuditActions.Invited, actor, person.Id, person.Email, "invitation sent again");
        await db.SaveChangesAsync(ct);
        await mail.Send(person, code, invitation.ExpiresAt, origin, ct);
        return PersonView.Of(person);
    }

    public async Task<(PersonView? Person, Validation Validation)> Change(Guid id, ChangePersonRequest request, string actor, CancellationToken ct)
    {
        var person = await Find(id);
        var validation = PersonDetails.Validate(request.Name, request.Role, request.ProviderId);
        if (!validation.IsValid)
        {
            return (null, validation);
        }

        var before = $"{person.Name}, {person.Role}{Provider(person)}";
        person.Name = request.Name!.Trim();
        person.Role = request.Role!;
        person.ProviderId = Blank(request.ProviderId);
        var now = clock.GetUtcNow();
        db.Publish(new PersonChanged(id, person.Email!, person.Name, person.Role, person.ProviderId, now), now);
        audit.Add(AuditActions.Changed, actor, person.Id, person.Email, $"was {before}; now {person.Name}, {person.Role}{Provider(person)}");
        await Save(users.UpdateAsync(person));
        return (PersonView.Of(person), validation);
    }

    public async Task<PersonView> Deactivate(Guid id, string actor, CancellationToken ct)
    {
        var person = await Find(id);
        if (person.Status == PersonStatus.Deactivated)
        {
            throw new ConflictException($"{person.Name} is already deactivated.");
        }

        if (person.Id == actor)
        {
            throw new ConflictException("You cannot deactivate your own account: ask another admin.");
        }

        person.Status = PersonStatus.Deactivated;
        var now = clock.GetUtcNow();
        db.Publish(new PersonDeactivated(id, person.Email!, person.Name, person.Role, person.ProviderId, now), now);
        audit.Add(AuditActions.Deactivated, actor, person.Id, person.Email);
        // A new security stamp ends their cookie sessions; revoking their tokens ends refresh at once.
        await Save(users.UpdateSecurityStampAsync(person));
        await tokens.RevokeBySubjectAsync(person.Id, ct);
        return PersonView.Of(person);
    }

    public async Task<PersonView> Reactivate(Guid id, string actor, CancellationToken ct)
    {
        var person = await Find(id);
        if (person.Status != PersonStatus.Deactivated)
        {
            throw new ConflictException($"{person.Name} is not deactivated ({person.Status.ToString().ToLowerInvariant()}).");
        }

        person.Status = PersonStatus.Active;
        var now = clock.GetUtcNow();
        db.Publish(new PersonActivated(id, person.Email!, person.Name, person.Role, person.ProviderId, now), now);
        audit.Add(AuditActions.Reactivated, actor, person.Id, person.Email);
        await Save(users.UpdateAsync(person));
        return PersonView.Of(person);
    }

    public async Task<List<PersonView>> List(CancellationToken ct) =>
        (await db.People.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Email).ToListAsync(ct)).Select(PersonView.Of).ToList();

    public async Task<Person> Find(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new KeyNotFoundException($"No person has the id {id}.");

    private static async Task Save(Task<IdentityResult> update)
    {
        var result = await update;
        if (!result.Succeeded)
        {
            throw result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? new ConflictException("Someone else changed this person at the same time: reload and try again.")
                : new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static Validation IdentityErrors(IdentityResult result, Validation validation)
    {
        foreach (var error in result.Errors)
        {
            validation.Add(error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "",
                error.Description);
        }

        return validation;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Provider(Person person) => person.ProviderId is null ? "" : $" for {person.ProviderId}";
}
