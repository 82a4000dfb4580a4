using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Scheduling.Timers;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Scheduling.Data;

public abstract class SchedulingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public const string ServiceName = "scheduling";

    public DbSet<TimedRecommendation> Recommendations => Set<TimedRecommendation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TimedRecommendation>(row =>
        {
            row.ToTable("timed_recommendations");
            row.HasKey(r => r.RecommendationId);
            row.Property(r => r.ProviderId).HasMaxLength(64);
            row.HasIndex(r => r.ProviderId);
        });
    }
}

public sealed class SchedulingSqliteDbContext(DbContextOptions<SchedulingSqliteDbContext> options) : SchedulingDbContext(options);

public sealed class SchedulingPostgresDbContext(DbContextOptions<SchedulingPostgresDbContext> options) : SchedulingDbContext(options)
{
    protected override string Schema => ServiceName;
}

public sealed class SchedulingSqliteDesignFactory : IDesignTimeDbContextFactory<SchedulingSqliteDbContext>
{
    public SchedulingSqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SchedulingSqliteDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SchedulingPostgresDesignFactory : IDesignTimeDbContextFactory<SchedulingPostgresDbContext>
{
    public SchedulingPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SchedulingPostgresDbContext>()
            .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable("__EFMigrationsHistory", SchedulingDbContext.ServiceName))
            .Options);
}
