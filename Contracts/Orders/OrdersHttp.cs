namespace Tandem.Contracts.Orders;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole.

public sealed record OrderLineRequestDto(string? Sku, int? Quantity);

public sealed record AddressDto(double? Lat, double? Lon);

public sealed record FulfilmentDto(string? Mode, string? LocationId, AddressDto? Address);

/// <param name="SessionId">The shopper's session the order is placed in.</param>
/// <param name="Lines">What and how many.</param>
/// <param name="Fulfilment">Pickup at a store, or delivery to an address.</param>
/// <param name="CouponCode">A coupon of the shopper's to spend on the order (single use), if any.</param>
public sealed record PlaceOrderRequest(string? SessionId, List<OrderLineRequestDto?>? Lines, FulfilmentDto? Fulfilment, string? CouponCode = null);

public sealed record CancelOrderRequest(string? Reason);

/// <summary>The post-delivery survey: how likely the shopper is to recommend Tandem to a friend, 0 (not at all) to 10.</summary>
public sealed record SurveyRequest(int? Score);
