using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tracking.ServiceDefaults.Idempotency;

/// <summary>The answer given to a POST carrying an Idempotency-Key, kept so a retry gets the same answer and no second effect.</summary>
public sealed class IdempotentRequest
{
    public string Subject { get; init; } = "";
    public string Key { get; init; } = "";
    public string Route { get; init; } = "";

    /// <summary>SHA-256 of method, route and body: a key reused for a different request is refused, not replayed. Null on rows from before it was kept.</summary>
    public string? RequestHash { get; init; }
    public int StatusCode { get; init; }
    public string? Body { get; init; }
    public string? Location { get; init; }
    public DateTime CreatedAt { get; init; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("idempotent_requests");
        builder.HasKey(r => new { r.Subject, r.Key });
        builder.Property(r => r.Subject).HasMaxLength(200);
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.Route).HasMaxLength(500);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(500);
    }
}
