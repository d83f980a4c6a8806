namespace Tandem.Grains.Interfaces.Push;

/// <summary>Where a browser receives Web Push messages (RFC 8030) and the keys to encrypt them for it (RFC 8291).</summary>
[GenerateSerializer, Immutable, Alias("tandem.push-subscription")]
public sealed record PushSubscription
{
    /// <summary>The push service's URL for this browser.</summary>
    [Id(0)] public required string Endpoint { get; init; }

    /// <summary>The browser's P-256 public key, uncompressed (65 bytes), base64url.</summary>
    [Id(1)] public required string P256dh { get; init; }

    /// <summary>The browser's 16-byte authentication secret, base64url.</summary>
    [Id(2)] public required string Auth { get; init; }
}
