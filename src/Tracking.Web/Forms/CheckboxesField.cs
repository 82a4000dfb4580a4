namespace Tracking.Web.Forms;

/// <summary>What the _Checkboxes partial draws: a question as a fieldset of checkboxes; the first gets the key's id for the error summary.</summary>
public sealed record CheckboxesField(string Key, string Legend, string? Hint, IReadOnlyList<(string Value, string Label)> Options,
    IReadOnlyCollection<string> Selected);
