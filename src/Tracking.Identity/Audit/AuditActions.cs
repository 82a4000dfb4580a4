namespace Tracking.Identity.Audit;

public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string Invited = "person-invited";
    public const string InvitationAccepted = "invitation-accepted";
    public const string Changed = "person-changed";
    public const string Deactivated = "person-deactivated";
    public const string Reactivated = "person-reactivated";
    public const string PasswordResetRequested = "password-reset-requested";
    public const string PasswordReset = "password-reset";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string PasskeyAdded = "passkey-added";
    public const string TokenRefused = "token-refused";
}
