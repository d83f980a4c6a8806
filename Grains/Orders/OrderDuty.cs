using Tandem.Contracts.Kpis;

namespace Tandem.Grains.Orders;

/// <summary>What an order must tell another grain.</summary>
[GenerateSerializer, Alias("tandem.order-duty-kind")]
public enum OrderDutyKind
{
    /// <summary>The shopper's session lists the order as open (and its lines leave the cart).</summary>
    SessionOrderPlaced = 0,

    /// <summary>The shopper's session no longer lists the order as open.</summary>
    SessionOrderClosed = 1,

    /// <summary>A packed delivery order waits for a courier at its dispatcher.</summary>
    EnterDispatchQueue = 2,

    /// <summary>The order no longer waits for a courier.</summary>
    LeaveDispatchQueue = 3,

    /// <summary>The order's units no longer count against its shopper's hold limit.</summary>
    ReleaseShopperHold = 4,

    /// <summary>Each product of a packed order learns that it was bought with the others (the product graph).</summary>
    LearnBasket = 5,

    /// <summary>Each line's SKU-location counts the sale (the supply chain's demand history).</summary>
    CountDemand = 6,

    /// <summary>The coupon the order spent is given back (the order was refused, cancelled or expired).</summary>
    ReleaseCoupon = 7,

    /// <summary>The live KPIs of the order's region and of the city count what happened to it.</summary>
    CountKpis = 8,
}

/// <summary>
/// A consequence the order must bring about (an outbox entry). It is written in the same state write as the change
/// that causes it, delivered by an idempotent grain call right after that write, and retried (by a timer, and by the
/// order's reminder after a crash) until the other grain acknowledges it. Duties are delivered in the order written.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.order-duty")]
public sealed record OrderDuty
{
    [Id(0)] public required OrderDutyKind Kind { get; init; }

    /// <summary>The skus the duty is about (the lines that leave the cart).</summary>
    [Id(1)] public IReadOnlyList<string> Skus { get; init; } = [];

    /// <summary>When what the duty reports happened (for lessons of the product graph, the demand's day; for a released hold, when the packed order was placed).</summary>
    [Id(2)] public DateTimeOffset? At { get; init; }

    /// <summary>The coupon code a <see cref="OrderDutyKind.ReleaseCoupon"/> gives back.</summary>
    [Id(3)] public string? Reference { get; init; }

    /// <summary>What a <see cref="OrderDutyKind.CountKpis"/> counts.</summary>
    [Id(4)] public IReadOnlyList<KpiFact> Facts { get; init; } = [];
}
