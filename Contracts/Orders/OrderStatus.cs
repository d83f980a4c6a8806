namespace Tandem.Contracts.Orders;

/// <summary>
/// The order state machine: Placed → Reserved → Packed → ReadyForPickup → PickedUp (pickup) or
/// Packed → Dispatched → PickedUp → Delivered (delivery); Cancelled from any state before PickedUp; Expired from
/// Reserved when not packed in time; PartiallyReturned and Returned once returns of a received order are settled (some or
/// all of its units).
/// </summary>
[GenerateSerializer, Alias("tandem.order-status")]
public enum OrderStatus
{
    Placed = 0,
    Reserved = 1,
    Packed = 2,
    ReadyForPickup = 3,
    Dispatched = 4,
    PickedUp = 5,
    Delivered = 6,
    Cancelled = 7,

    /// <summary>Every unit of the received order came back through settled returns.</summary>
    Returned = 8,

    /// <summary>Not packed in time (<c>Tandem:Orders:UnpackedExpiry</c>): its holds were released.</summary>
    Expired = 9,

    /// <summary>Some units of the received order came back through settled returns.</summary>
    PartiallyReturned = 10,
}
