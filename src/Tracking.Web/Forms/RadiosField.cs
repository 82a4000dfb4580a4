namespace Tracking.Web.Forms;

/// <summary>What the _Radios partial draws: a question as a fieldset of radios; the first radio gets the key's id for the error summary.</summary>
public sealed record RadiosField(string Key, string Legend, IReadOnlyList<(string Value, string Label)> Options, string? Selected,
    bool Inline = false, string LegendSize = "m");
