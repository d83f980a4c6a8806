using Tandem.Grains.Interfaces.Catalog;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Grains.Orders;

[GenerateSerializer, Alias("tandem.order-state")]
public sealed class OrderState
{
    public const int CurrentSchema = 1;

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
}
