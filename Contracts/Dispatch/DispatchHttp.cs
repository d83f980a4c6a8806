namespace Tandem.Contracts.Dispatch;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole.

public sealed record DispatchRequest(string? CourierId);

/// <summary>Why an order went to its courier: every window's decision for it, oldest first, and where it waits now.</summary>
public sealed record OrderDispatchResponse(string OrderId, string? Zone, bool Waiting, IReadOnlyList<DispatchChoice> Decisions);
