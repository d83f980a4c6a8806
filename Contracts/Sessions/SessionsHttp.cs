namespace Tandem.Contracts.Sessions;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole.

public sealed record CartLineRequest(string? Sku, int? Quantity);

public sealed record BehaviourEventDto(string? Type, string? Sku, DateTimeOffset? At, double? Value, double? X = null, double? Y = null);

public sealed record EventsAccepted(int Received, int Accepted);
