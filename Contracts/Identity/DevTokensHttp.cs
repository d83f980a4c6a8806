namespace Tandem.Contracts.Identity;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole.

/// <param name="Role">shopper, courier or ops.</param>
/// <param name="Subject">Who: the shopper, courier or operator id.</param>
/// <param name="Store">For an operator who is staff of one store: the store's location id (they act on that store's returns only).</param>
public sealed record DevTokenRequest(string? Role, string? Subject, string? Store = null);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
