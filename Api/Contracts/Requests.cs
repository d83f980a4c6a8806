namespace Tandem.Api.Contracts;

// HTTP contract v1 request bodies. Every field is nullable so a missing field is reported by name
// (400 with the field) instead of failing the JSON binding as a whole.

public sealed record ReceiptRequest(int? Quantity, string? Reference);

public sealed record AdjustmentRequest(int? CountedOnHand, string? Reason, string? Reference);

public sealed record OrderLineRequestDto(string? Sku, int? Quantity);

public sealed record AddressDto(double? Lat, double? Lon);

public sealed record FulfilmentDto(string? Mode, string? LocationId, AddressDto? Address);

public sealed record PlaceOrderRequest(string? SessionId, List<OrderLineRequestDto?>? Lines, FulfilmentDto? Fulfilment);

public sealed record CancelOrderRequest(string? Reason);

public sealed record DispatchRequest(string? CourierId);

public sealed record CourierPositionRequest(double? Lat, double? Lon, DateTimeOffset? At);

public sealed record CourierStatusRequest(string? Status);

public sealed record CartLineRequest(string? Sku, int? Quantity);

public sealed record BehaviourEventDto(string? Type, string? Sku, DateTimeOffset? At, double? Value, double? X = null, double? Y = null);

public sealed record DevTokenRequest(string? Role, string? Subject);

public sealed record PushKeysDto(string? P256dh, string? Auth);

/// <summary>A browser's PushSubscription as <c>toJSON()</c> gives it.</summary>
public sealed record PushSubscriptionRequest(string? Endpoint, PushKeysDto? Keys);
