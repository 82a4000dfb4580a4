using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new PersonConfiguration());
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
