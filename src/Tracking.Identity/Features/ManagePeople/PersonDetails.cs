using System.Net.Mail;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Features.ManagePeople;

/// <summary>The rules for who a person may be: a known role, and a provider exactly when they manage one.</summary>
internal static class PersonDetails
{
    public static Validation Validate(string? name, string? role, string? providerId, Validation? into = null)
    {
        var validation = into ?? new Validation();
        validation.Require(!string.IsNullOrWhiteSpace(name), "name", "Enter the person's full name.");
        validation.Require(name is null || name.Length <= 200, "name", "Enter a name of 200 characters or fewer.");
        if (string.IsNullOrWhiteSpace(role) || !TrackingRoles.Known.Contains(role))
        {
            validation.Add("role", $"Choose a role: {string.Join(", ", TrackingRoles.Known)}.");
        }
        else if (role == TrackingRoles.ProviderManager)
        {
            validation.Require(!string.IsNullOrWhiteSpace(providerId), "providerId", "Enter the provider a provider manager acts for.");
            validation.Require(providerId is null || providerId.Length <= 64, "providerId", "Enter a provider id of 64 characters or fewer.");
        }
        else
        {
            validation.Require(string.IsNullOrWhiteSpace(providerId), "providerId", "Only a provider manager acts for a provider: leave it out.");
        }

        return validation;
    }

    public static Validation ValidateEmail(string? email, Validation validation) =>
        validation.Require(email is { Length: > 0 and <= 256 } && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email,
            "email", "Enter an email address in the correct format, like name@example.com.");
}
