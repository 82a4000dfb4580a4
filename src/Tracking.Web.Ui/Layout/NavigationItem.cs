namespace Tracking.Web.Ui.Layout;

/// <summary>One link in the service navigation (ViewData["Navigation"]); Current marks the section the page belongs to.</summary>
public sealed record NavigationItem(string Text, string Href, bool Current = false);
