namespace Tandem.Contracts.Identity;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole.

public sealed record DevTokenRequest(string? Role, string? Subject);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
