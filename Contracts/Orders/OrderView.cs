using Tandem.Contracts.Catalog;
using Tandem.Contracts.Packing;

namespace Tandem.Contracts.Orders;

/// <summary>An order as clients see it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.order-view")]
public sealed record OrderView
{
    [Id(0)] public required string OrderId { get; init; }

    [Id(1)] public required string ShopperId { get; init; }

    [Id(2)] public required string SessionId { get; init; }

    [Id(3)] public required OrderStatus Status { get; init; }

    [Id(4)] public required FulfilmentMode Mode { get; init; }

    [Id(5)] public required IReadOnlyList<OrderLine> Lines { get; init; }

    [Id(6)] public string? PickupLocationId { get; init; }

    [Id(7)] public GeoPoint? DeliveryAddress { get; init; }

    [Id(8)] public string? CourierId { get; init; }

    /// <summary>The lines' total less the coupon's <see cref="Discount"/>.</summary>
    [Id(9)] public required decimal Total { get; init; }

    [Id(10)] public required IReadOnlyList<OrderTransition> History { get; init; }

    [Id(11)] public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>Increases with every transition.</summary>
    [Id(12)] public required long Version { get; init; }

    /// <summary>Units held by return requests (a rejected request lets its units go).</summary>
    [Id(13)] public IReadOnlyList<OrderReturn> Returns { get; init; } = [];

    /// <summary>When the shopper got the goods (delivered, or collected at the store); null while they have not.</summary>
    [Id(14)] public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The coupon the order spent, if any.</summary>
    [Id(15)] public string? CouponCode { get; init; }

    /// <summary>What the coupon took off the lines' total; <see cref="Total"/> is after it.</summary>
    [Id(16)] public decimal Discount { get; init; }

    /// <summary>The boxes it was packed in and where each unit went; null until packed.</summary>
    [Id(17)] public OrderPacking? Packing { get; init; }

    /// <summary>The shopper's answer to the survey after receiving it (0–10: how likely to recommend Tandem); null until answered.</summary>
    [Id(18)] public int? SurveyScore { get; init; }
}
