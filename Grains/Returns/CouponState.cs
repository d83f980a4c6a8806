using Tandem.Grains.Interfaces.Returns;

namespace Tandem.Grains.Returns;

[GenerateSerializer, Alias("tandem.coupon-state")]
public sealed class CouponState
{
    /// <summary>What it was issued with; null while not issued.</summary>
    [Id(0)] public CouponGrant? Grant { get; set; }

    [Id(1)] public DateTimeOffset IssuedAt { get; set; }

    [Id(2)] public string? RedeemedBy { get; set; }

    [Id(3)] public DateTimeOffset? RedeemedAt { get; set; }
}
