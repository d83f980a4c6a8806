using Tandem.Contracts.Catalog;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Packing;
using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Orders;

[GenerateSerializer, Alias("tandem.order-state")]
public sealed class OrderState : IDueState
{
    public const int CurrentSchema = 2;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    [Id(1)] public bool Placed { get; set; }

    /// <summary>Digest of the placing request; a second request under the same key must match it.</summary>
    [Id(2)] public string Fingerprint { get; set; } = "";

    [Id(3)] public string ShopperId { get; set; } = "";

    [Id(4)] public string SessionId { get; set; } = "";

    [Id(5)] public FulfilmentMode Mode { get; set; }

    [Id(6)] public string? PickupLocationId { get; set; }

    [Id(7)] public GeoPoint? DeliveryAddress { get; set; }

    [Id(8)] public List<OrderLine> Lines { get; set; } = [];

    [Id(9)] public OrderStatus Status { get; set; }

    [Id(10)] public string? CourierId { get; set; }

    [Id(11)] public List<OrderTransition> History { get; set; } = [];

    [Id(12)] public DateTimeOffset PlacedAt { get; set; }

    [Id(13)] public long Version { get; set; }

    /// <summary>
    /// Numbers the reservation ids of the next placement attempt. Kept across a crash (a retry finds its own
    /// holds again), advanced after a refused attempt (whose holds were released) so a later retry can hold anew.
    /// </summary>
    [Id(14)] public int NextAttempt { get; set; } = 1;

    /// <summary>When the current plan (lines, cells, reservation ids) was saved, before any of its holds were taken.</summary>
    [Id(15)] public DateTimeOffset? PlannedAt { get; set; }

    /// <summary>Numbers the reservation ids of holds taken anew for a line whose hold ended (lapsed or given back).</summary>
    [Id(16)] public int NextHold { get; set; } = 1;

    /// <summary>Consequences not yet acknowledged by the grains they concern (the outbox), oldest first.</summary>
    [Id(17)] public List<OrderDuty> Duties { get; set; } = [];

    /// <summary>A cancel or dispatch that started calling other grains and has not saved its outcome yet.</summary>
    [Id(18)] public PendingStep? Step { get; set; }

    /// <summary>
    /// A plan was saved, so the shopper's holds may count this order's units (they are counted right after): a refused
    /// placement lets them go.
    /// </summary>
    [Id(19)] public bool MayCountUnits { get; set; }

    /// <summary>
    /// When the sweeper must wake the order should nobody touch it (stored beside the state by the grain storage):
    /// soon while a duty or step is unfinished, when an interrupted plan is to be abandoned, at an unpacked order's
    /// expiry; null once it only waits for people or is finished.
    /// </summary>
    [Id(21)] public DateTimeOffset? DueAt { get; set; }

    /// <summary>Units of the lines held by return requests, in the order claimed.</summary>
    [Id(22)] public List<OrderReturn> Returns { get; set; } = [];

    /// <summary>The coupon the order spends (saved before it is redeemed, so an abandoned placement gives it back).</summary>
    [Id(23)] public string? CouponCode { get; set; }

    /// <summary>What the coupon takes off the lines' total (at most the total).</summary>
    [Id(24)] public decimal Discount { get; set; }

    /// <summary>The boxes chosen when the order was packed (stored in the write that packs it).</summary>
    [Id(25)] public OrderPacking? Packing { get; set; }

    /// <summary>The shopper's survey answer (0–10), once given.</summary>
    [Id(26)] public int? SurveyScore { get; set; }

    /// <summary>What the coupon leaves of the lines' total: the order's revenue.</summary>
    public decimal Revenue() => Math.Max(0, Lines.Sum(l => l.Quantity * l.UnitPrice) - Discount);
}
