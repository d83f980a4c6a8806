using Tandem.Contracts.Catalog;

namespace Tandem.Contracts.Couriers;

/// <summary>Where the courier carrying an order is, for the shopper tracking it.</summary>
public sealed record CourierOnTheWay(string OrderId, string CourierId, string Name, GeoPoint Position, DateTimeOffset At, long Version);
