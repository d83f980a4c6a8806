namespace Tandem.Contracts.Couriers;

[GenerateSerializer, Alias("tandem.courier-status")]
public enum CourierStatus
{
    Offline = 0,
    Idle = 1,
    ToPickup = 2,
    ToDropoff = 3,
}
