namespace Tandem.Contracts.Couriers;

/// <summary>What a courier is offered or carries: an order to a shopper's door, or a return from the shopper to sorting.</summary>
public enum CourierJobKind
{
    /// <summary>Collect an order at its store or warehouse and drop it at the shopper's address (the job's id is the order's).</summary>
    Delivery = 0,

    /// <summary>Collect a returned item from the shopper and take it to the sorting centre (the job's id is the return's).</summary>
    ReturnPickup = 1,
}
