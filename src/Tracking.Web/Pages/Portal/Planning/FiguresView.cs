namespace Tracking.Web.Pages.Planning;

/// <summary>The headline figures of the nation, a region or a provider, as one summary list.</summary>
public sealed record FiguresView(
    string Of, int? Providers, int Open, int Overdue, int Escalated, DateOnly? OldestOpenPublishedOn, double? ReasonableProgressShare,
    double? AverageDaysToClose = null, bool ShowAverage = false);
