using Tandem.Contracts.Returns;

namespace Tandem.Grains.Interfaces.Returns;

/// <summary>What a coupon is issued with.</summary>
[GenerateSerializer, Immutable, Alias("tandem.coupon-grant")]
public sealed record CouponGrant
{
    [Id(0)] public required string ShopperId { get; init; }

    [Id(1)] public required decimal Amount { get; init; }

    [Id(2)] public required string ReturnId { get; init; }

    [Id(3)] public required DateTimeOffset ExpiresAt { get; init; }
}

[GenerateSerializer, Alias("tandem.coupon-outcome")]
public enum CouponOutcome
{
    Applied = 0,

    /// <summary>Already done by the same command; nothing changed.</summary>
    Replayed = 1,

    /// <summary>No such coupon, or not the shopper's.</summary>
    NotFound = 2,

    /// <summary>Spent by another order, or issued with another grant.</summary>
    Conflict = 3,

    /// <summary>Past its end.</summary>
    Expired = 4,
}

[GenerateSerializer, Immutable, Alias("tandem.coupon-result")]
public sealed record CouponResult
{
    [Id(0)] public required CouponOutcome Outcome { get; init; }

    [Id(1)] public CouponView? Coupon { get; init; }

    [Id(2)] public string? Detail { get; init; }

    public bool Succeeded => Outcome is CouponOutcome.Applied or CouponOutcome.Replayed;
}

/// <summary>
/// A next-purchase coupon (key: its code), issued once by the return it compensates and spent once by an order of the same
/// shopper. Every command is idempotent, so the return's outbox and an order's retries may repeat them.
/// </summary>
public interface ICouponGrain : IGrainWithStringKey
{
    /// <summary>Issues the coupon. The same grant again changes nothing; another grant under the code is a conflict.</summary>
    Task<CouponResult> IssueAsync(CouponGrant grant);

    /// <summary>
    /// Spends the coupon on <paramref name="orderId"/>: only the shopper's, only before it expires, only once. The same order
    /// again is <see cref="CouponOutcome.Replayed"/>; another order after it is <see cref="CouponOutcome.Conflict"/>.
    /// </summary>
    Task<CouponResult> RedeemAsync(string shopperId, string orderId);

    /// <summary>Gives the coupon back when the order that spent it did not go through. Idempotent; another order's release changes nothing.</summary>
    Task<CouponResult> ReleaseAsync(string orderId);

    [ReadOnly]
    Task<CouponView?> GetAsync();
}
