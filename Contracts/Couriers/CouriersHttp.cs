namespace Tandem.Contracts.Couriers;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole.

public sealed record CourierPositionRequest(double? Lat, double? Lon, DateTimeOffset? At);

public sealed record CourierStatusRequest(string? Status);

public sealed record CourierCommandResponse(CourierOutcome Outcome, CourierView Courier);
