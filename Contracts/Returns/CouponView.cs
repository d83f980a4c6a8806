namespace Tandem.Contracts.Returns;

/// <summary>A next-purchase coupon: its value, whose it is, what it came from, until when it holds, and the order that spent it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.coupon-view")]
public sealed record CouponView
{
    [Id(0)] public required string Code { get; init; }

    [Id(1)] public required string ShopperId { get; init; }

    [Id(2)] public required decimal Amount { get; init; }

    /// <summary>The return it compensates.</summary>
    [Id(3)] public required string ReturnId { get; init; }

    [Id(4)] public required DateTimeOffset IssuedAt { get; init; }

    [Id(5)] public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The order that spent it (single use), if any.</summary>
    [Id(6)] public string? RedeemedBy { get; init; }

    [Id(7)] public DateTimeOffset? RedeemedAt { get; init; }
}
