using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Identity.Data;
using Tracking.Notifications.Data;
using Tracking.Planning.Data;
using Tracking.Public.Data;
using Tracking.Recommendations.Data;
using Tracking.Scheduling.Data;

namespace Tracking.UnitTests.Persistence;

/// <summary>
/// A model change without a migration only shows when a real database refuses a query; these fail at build time
/// instead. Fix a failure with `deploy/add-migration.sh Name service`, which adds it for both providers.
/// </summary>
public sealed class Every_model_change_has_a_migration
{
    public static TheoryData<string> Contexts() =>
    [
        nameof(RecommendationsSqliteDbContext), nameof(RecommendationsPostgresDbContext),
        nameof(SchedulingSqliteDbContext), nameof(SchedulingPostgresDbContext),
        nameof(PlanningSqliteDbContext), nameof(PlanningPostgresDbContext),
        nameof(PublicTrackerSqliteDbContext), nameof(PublicTrackerPostgresDbContext),
        nameof(IdentitySqliteDbContext), nameof(IdentityPostgresDbContext),
        nameof(NotificationsSqliteDbContext), nameof(NotificationsPostgresDbContext),
    ];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_migrations_cover_the_model(string context)
    {
        using var db = Create(context);

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"{context} has model changes that no migration covers: run deploy/add-migration.sh <Name> <service>");
    }

    private static DbContext Create(string context) => context switch
    {
        nameof(RecommendationsSqliteDbContext) => Design<RecommendationsSqliteDesignFactory, RecommendationsSqliteDbContext>(),
        nameof(RecommendationsPostgresDbContext) => Design<RecommendationsPostgresDesignFactory, RecommendationsPostgresDbContext>(),
        nameof(SchedulingSqliteDbContext) => Design<SchedulingSqliteDesignFactory, SchedulingSqliteDbContext>(),
        nameof(SchedulingPostgresDbContext) => Design<SchedulingPostgresDesignFactory, SchedulingPostgresDbContext>(),
        nameof(PlanningSqliteDbContext) => Design<PlanningSqliteDesignFactory, PlanningSqliteDbContext>(),
        nameof(PlanningPostgresDbContext) => Design<PlanningPostgresDesignFactory, PlanningPostgresDbContext>(),
        nameof(PublicTrackerSqliteDbContext) => Design<PublicTrackerSqliteDesignFactory, PublicTrackerSqliteDbContext>(),
        nameof(PublicTrackerPostgresDbContext) => Design<PublicTrackerPostgresDesignFactory, PublicTrackerPostgresDbContext>(),
        nameof(IdentitySqliteDbContext) => Design<IdentitySqliteDesignFactory, IdentitySqliteDbContext>(),
        nameof(IdentityPostgresDbContext) => Design<IdentityPostgresDesignFactory, IdentityPostgresDbContext>(),
        nameof(NotificationsSqliteDbContext) => Design<NotificationsSqliteDesignFactory, NotificationsSqliteDbContext>(),
        nameof(NotificationsPostgresDbContext) => Design<NotificationsPostgresDesignFactory, NotificationsPostgresDbContext>(),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context, "not a service context"),
    };

    private static TContext Design<TFactory, TContext>()
        where TFactory : IDesignTimeDbContextFactory<TContext>, new()
        where TContext : DbContext
        => new TFactory().CreateDbContext([]);
}
