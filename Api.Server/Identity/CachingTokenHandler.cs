using System.Collections.Concurrent;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Api.Identity;

/// <summary>
/// Validates bearer tokens as <see cref="JsonWebTokenHandler"/> does, and remembers the ones that passed: a client
/// sends the same token with every request, and checking its RS256 signature again each time was the dearest part of
/// an authenticated call. A remembered token is answered without the signature check only while all of this holds:
/// it has not expired (nor has <see cref="MaxAge"/> passed since it was checked), and the key that signed it is still
/// one the node trusts (after a key rotation the issuer's keys are new objects, so every token is checked afresh).
/// Each answer carries its own copy of the identity, so no request can change another's.
/// </summary>
public sealed class CachingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>How long a checked token is remembered at most (its expiry may end that sooner).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>At most this many tokens are remembered; when full, the memory starts again.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Checked> _checked = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        var now = clock.GetUtcNow();
        if (_checked.TryGetValue(token, out var known))
        {
            if (now < known.Until && await StillTrustedAsync(known.Key, validationParameters))
            {
                return known.Answer();
            }

            _checked.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { SigningKey: { } key } jwt && result.ClaimsIdentity is not null)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
            var until = expires < now + MaxAge ? expires : now + MaxAge;
            if (_checked.Count >= Capacity)
            {
                _checked.Clear();
            }

            _checked[token] = new Checked(result, key, until);
        }

        return result;
    }

    /// <summary>The key is one of those the node trusts now: configured, or in the issuer's current key set.</summary>
    private static async Task<bool> StillTrustedAsync(SecurityKey key, TokenValidationParameters parameters)
    {
        if (ReferenceEquals(parameters.IssuerSigningKey, key) || (parameters.IssuerSigningKeys?.Any(k => ReferenceEquals(k, key)) ?? false))
        {
            return true;
        }

        return parameters.ConfigurationManager is { } issuer
            && (await issuer.GetBaseConfigurationAsync(CancellationToken.None)).SigningKeys.Any(k => ReferenceEquals(k, key));
    }

    private sealed record Checked(TokenValidationResult Result, SecurityKey Key, DateTimeOffset Until)
    {
        public TokenValidationResult Answer() => new()
        {
            IsValid = true,
            ClaimsIdentity = Result.ClaimsIdentity.Clone(),
            SecurityToken = Result.SecurityToken,
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
        };
    }
}
