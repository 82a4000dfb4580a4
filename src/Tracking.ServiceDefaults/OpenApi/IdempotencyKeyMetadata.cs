using Microsoft.AspNetCore.Builder;

namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>Endpoint metadata: the route runs behind the idempotency filter, so the document declares its header and answers.</summary>
public sealed class IdempotencyKeyMetadata
{
    public const string Header = "Idempotency-Key";

    public static readonly IdempotencyKeyMetadata Instance = new();
}

public static class IdempotencyKeyMetadataExtensions
{
    /// <summary>Declares the Idempotency-Key header on the routes of this builder (beside AddEndpointFilter&lt;IdempotencyFilter&gt;).</summary>
    public static TBuilder HonoursIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IdempotencyKeyMetadata.Instance);
}
