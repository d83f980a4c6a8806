namespace Tandem.Contracts.Orders;

/// <summary>How an order grain answered a command.</summary>
[GenerateSerializer, Alias("tandem.order-outcome")]
public enum OrderOutcome
{
    Applied = 0,

    /// <summary>The same command had already been applied; the order is returned unchanged.</summary>
    Replayed = 1,

    /// <summary>No order with this id.</summary>
    NotFound = 2,

    /// <summary>The same idempotency key was used with a different request.</summary>
    KeyReused = 3,

    /// <summary>Not enough stock for at least one line; nothing is held.</summary>
    Insufficient = 4,

    /// <summary>A sku or location the catalog does not know.</summary>
    UnknownReference = 5,

    /// <summary>The request names a location that cannot serve it (pickup at a warehouse).</summary>
    Invalid = 6,

    /// <summary>The transition is not allowed from the current state.</summary>
    InvalidTransition = 7,

    /// <summary>The courier cannot take the order (offline, full).</summary>
    CourierUnavailable = 8,

    /// <summary>The shopper already holds as many units in unpacked orders as one shopper may; nothing is held.</summary>
    HoldLimitReached = 9,
}
