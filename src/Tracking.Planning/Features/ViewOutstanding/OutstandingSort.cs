namespace Tracking.Planning.Features.ViewOutstanding;

/// <summary>The orders a planner can list outstanding recommendations in; ties fall back to provider, publication, number.</summary>
public enum OutstandingSort
{
    /// <summary>Next deadline first; those with no deadline last.</summary>
    DueDate,

    /// <summary>Most overdue first; those not overdue last.</summary>
    DaysOverdue,

    /// <summary>By provider name.</summary>
    Provider,
}

public static class OutstandingSorts
{
    public static readonly IReadOnlyList<string> Names = ["dueDate", "daysOverdue", "provider"];

    public static bool TryRead(string text, out OutstandingSort sort)
    {
        var index = Names.ToList().FindIndex(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        sort = index < 0 ? OutstandingSort.DueDate : (OutstandingSort)index;
        return index >= 0;
    }

    public static string NameOf(OutstandingSort sort) => Names[(int)sort];
}
