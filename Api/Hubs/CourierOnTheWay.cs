using Tandem.Grains.Interfaces.Catalog;

namespace Tandem.Api.Hubs;

/// <summary>Where the courier carrying an order is, for the shopper tracking it.</summary>
public sealed record CourierOnTheWay(string OrderId, string CourierId, string Name, GeoPoint Position, DateTimeOffset At, long Version);
