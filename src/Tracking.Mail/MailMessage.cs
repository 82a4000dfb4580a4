namespace Tracking.Mail;

/// <summary>One e-mail to one person: plain text always, HTML when the sender has it.</summary>
public sealed record MailMessage(string To, string Subject, string Text, string? Html = null);
