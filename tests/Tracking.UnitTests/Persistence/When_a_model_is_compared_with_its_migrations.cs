using Microsoft.EntityFrameworkCore;
using Tracking.Planning.Data;
using Tracking.Recommendations.Data;
using Tracking.Scheduling.Data;

namespace Tracking.UnitTests.Persistence;

/// <summary>
/// Every context on both providers has a migration for everything its model holds: moving an entity (as the
/// outbox and inbox moved to Tracking.Messaging) or changing one without a migration fails here, not in production.
/// </summary>
public sealed class When_a_model_is_compared_with_its_migrations
{
    private static readonly Dictionary<string, Func<DbContext>> Contexts = new()
    {
        ["planning-sqlite"] = () => new PlanningSqliteDesignFactory().CreateDbContext([]),
        ["planning-postgres"] = () => new PlanningPostgresDesignFactory().CreateDbContext([]),
        ["scheduling-sqlite"] = () => new SchedulingSqliteDesignFactory().CreateDbContext([]),
        ["scheduling-postgres"] = () => new SchedulingPostgresDesignFactory().CreateDbContext([]),
        ["recommendations-sqlite"] = () => new RecommendationsSqliteDesignFactory().CreateDbContext([]),
        ["recommendations-postgres"] = () => new RecommendationsPostgresDesignFactory().CreateDbContext([]),
    };

    public static TheoryData<string> Names() => [.. Contexts.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void No_model_change_is_left_without_a_migration(string context)
    {
        using var db = Contexts[context]();

        db.Database.HasPendingModelChanges().ShouldBeFalse($"{context} has model changes no migration covers");
    }
}
