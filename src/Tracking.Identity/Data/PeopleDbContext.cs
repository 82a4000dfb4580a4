using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Identity.Audit;
using Tracking.Identity.Invitations;
using Tracking.Identity.People;
using Tracking.Messaging;

namespace Tracking.Identity.Data;

/// <summary>
/// The identity service's own database: people (ASP.NET Identity's tables), OpenIddict's applications, authorizations
/// and tokens, and the outbox for Person* events. It derives from the messaging context like every service, so the
/// Identity tables are configured here rather than inherited from IdentityDbContext.
/// </summary>
public abstract class PeopleDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public const string ServiceName = "identity";

    public DbSet<Person> People => Set<Person>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>Append-only: rows are added, never changed or removed (see SaveChanges).</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new PersonConfiguration());
        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.CodeHash).HasMaxLength(64);
            invitation.HasIndex(i => i.CodeHash).IsUnique();
            invitation.HasIndex(i => i.PersonId);
            invitation.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).IsRequired();
        });
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_log");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Action).HasMaxLength(40);
            entry.Property(e => e.Actor).HasMaxLength(100);
            entry.Property(e => e.PersonId).HasMaxLength(100);
            entry.Property(e => e.Email).HasMaxLength(256);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.Property(e => e.UserAgent).HasMaxLength(300);
            entry.Property(e => e.Detail).HasMaxLength(1000);
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => e.PersonId);
        });
        modelBuilder.Entity<IdentityUserClaim<string>>(claim =>
        {
            claim.ToTable("person_claims");
            claim.HasKey(c => c.Id);
            claim.HasOne<Person>().WithMany().HasForeignKey(c => c.UserId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserLogin<string>>(login =>
        {
            login.ToTable("person_logins");
            login.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            login.Property(l => l.LoginProvider).HasMaxLength(128);
            login.Property(l => l.ProviderKey).HasMaxLength(128);
            login.HasOne<Person>().WithMany().HasForeignKey(l => l.UserId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserToken<string>>(token =>
        {
            token.ToTable("person_tokens");
            token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            token.Property(t => t.LoginProvider).HasMaxLength(128);
            token.Property(t => t.Name).HasMaxLength(128);
            token.HasOne<Person>().WithMany().HasForeignKey(t => t.UserId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserPasskey<string>>(passkey =>
        {
            passkey.ToTable("person_passkeys");
            passkey.HasKey(p => p.CredentialId);
            passkey.Property(p => p.CredentialId).HasMaxLength(1024);
            passkey.OwnsOne(p => p.Data).ToJson();
            passkey.HasOne<Person>().WithMany().HasForeignKey(p => p.UserId).IsRequired();
        });
        modelBuilder.UseOpenIddict();
    }
}

public sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : PeopleDbContext(options);

public sealed class IdentityPostgresDbContext(DbContextOptions<IdentityPostgresDbContext> options) : PeopleDbContext(options)
{
    protected override string Schema => ServiceName;
}

public sealed class IdentitySqliteDesignFactory : IDesignTimeDbContextFactory<IdentitySqliteDbContext>
{
    public IdentitySqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentitySqliteDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class IdentityPostgresDesignFactory : IDesignTimeDbContextFactory<IdentityPostgresDbContext>
{
    public IdentityPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityPostgresDbContext>()
            .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable("__EFMigrationsHistory", PeopleDbContext.ServiceName))
            .Options);
}
