namespace Tandem.Contracts.Orders;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole.

public sealed record OrderLineRequestDto(string? Sku, int? Quantity);

public sealed record AddressDto(double? Lat, double? Lon);

public sealed record FulfilmentDto(string? Mode, string? LocationId, AddressDto? Address);

public sealed record PlaceOrderRequest(string? SessionId, List<OrderLineRequestDto?>? Lines, FulfilmentDto? Fulfilment);

public sealed record CancelOrderRequest(string? Reason);
