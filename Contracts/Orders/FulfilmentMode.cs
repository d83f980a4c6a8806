namespace Tandem.Contracts.Orders;

[GenerateSerializer, Alias("tandem.fulfilment-mode")]
public enum FulfilmentMode
{
    Delivery = 0,
    Pickup = 1,
}
