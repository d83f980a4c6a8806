namespace Tandem.Contracts.Returns;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole. Enumerations travel as camelCase names ("wrongSize", "coupon").

/// <summary>A photo of the item: its media type and its bytes in base64.</summary>
public sealed record ReturnPhotoDto(string? Type, string? Data);

public sealed record ReturnRequestDto(
    string? OrderId, string? Sku, int? Quantity, string? Reason, string? Condition, bool? TagsAttached, ReturnPhotoDto? Photo);

public sealed record ReviewReturnRequest(bool? Approve, string? Note);

public sealed record CompensationRequest(string? Kind);

public sealed record SchedulePickupRequest(string? CourierId);

/// <summary>The store the item is handed in at (staff of a store: their own, which may be left out).</summary>
public sealed record HandInRequest(string? StoreId);

public sealed record GradeReturnRequest(string? Grade, string? Note);

public sealed record PutAwayRequest(string? LocationId);
