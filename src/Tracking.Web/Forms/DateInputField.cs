namespace Tracking.Web.Forms;

/// <summary>What the _DateInput partial draws: the ModelState key (the day field gets its id, so the error summary links there).</summary>
public sealed record DateInputField(string Key, string Legend, string? Hint, DateInput Value);
