using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tracking.Identity.People;

namespace Tracking.Identity.Data;

/// <summary>The people table: ASP.NET Identity's user columns (as IdentityUserContext maps them) plus Tracking's own.</summary>
internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.HasKey(p => p.Id);
        person.HasIndex(p => p.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
        person.HasIndex(p => p.NormalizedEmail).HasDatabaseName("EmailIndex");
        person.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        person.Property(p => p.UserName).HasMaxLength(256);
        person.Property(p => p.NormalizedUserName).HasMaxLength(256);
        person.Property(p => p.Email).HasMaxLength(256);
        person.Property(p => p.NormalizedEmail).HasMaxLength(256);
        person.Property(p => p.PhoneNumber).HasMaxLength(256);
        person.Property(p => p.Name).HasMaxLength(200);
        person.Property(p => p.Role).HasMaxLength(30);
        person.Property(p => p.ProviderId).HasMaxLength(64);
    }
}
