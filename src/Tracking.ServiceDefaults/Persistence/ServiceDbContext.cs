using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tracking.ServiceDefaults.Idempotency;

namespace Tracking.ServiceDefaults.Persistence;

/// <summary>
/// Base of every service's own DbContext: its schema, UTC times and the idempotent-request table. The outbox and
/// inbox are added one level up, by Tracking.Messaging's MessagingDbContext, so persistence knows no messages.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>PostgreSQL schema that holds this service's tables; null on SQLite (one file per service).</summary>
    protected virtual string? Schema => null;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Schema is not null)
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        modelBuilder.ApplyConfiguration(new IdempotentRequestConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored as UTC everywhere; SQLite hands them back without a kind, so say it on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
