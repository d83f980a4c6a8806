namespace Tandem.Contracts.Push;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole.

public sealed record PushKeysDto(string? P256dh, string? Auth);

/// <summary>A browser's PushSubscription as <c>toJSON()</c> gives it.</summary>
public sealed record PushSubscriptionRequest(string? Endpoint, PushKeysDto? Keys);

public sealed record PushPublicKey(string PublicKey);
