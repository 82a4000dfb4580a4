using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Identity.People;

namespace Tracking.Identity.TwoFactor;

/// <summary>
/// Who got their password right a moment ago and must now use their passkey as the second step: a short-lived cookie
/// of its own, because Identity's two-factor cookie is where the passkey ceremony keeps its challenge.
/// </summary>
internal static class PasswordChecked
{
    public const string Scheme = "Tracking.PasswordChecked";

    public static AuthenticationBuilder AddPasswordCheckedCookie(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "tracking.password-checked";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            cookie.SlidingExpiration = false;
        });

    public static Task Remember(HttpContext context, Person person) => context.SignInAsync(Scheme,
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.Id)], Scheme)));

    public static Task Forget(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>The person whose password was checked, if the cookie is still fresh and they are still active.</summary>
    public static async Task<Person?> Who(HttpContext context)
    {
        var marker = await context.AuthenticateAsync(Scheme);
        var id = marker.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var people = context.RequestServices.GetRequiredService<UserManager<Person>>();
        return id is null ? null : await people.FindByIdAsync(id) is { Active: true } person ? person : null;
    }

    public static async Task<bool> HasPasskey(this UserManager<Person> people, Person person) => (await people.GetPasskeysAsync(person)).Count > 0;
}
