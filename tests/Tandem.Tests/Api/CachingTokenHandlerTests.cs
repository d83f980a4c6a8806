using System.Security.Claims;
using System.Security.Cryptography;

using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Tandem.Api.Identity;

namespace Tandem.Tests.Api;

/// <summary>A bearer token checked once is not checked again, but only while it lives and its key is still trusted.</summary>
public sealed class CachingTokenHandlerTests
{
    private static readonly RsaSecurityKey Key = NewKey("key-1");
    private static readonly RsaSecurityKey RotatedKey = NewKey("key-2");

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_token_is_checked_once_then_answered_from_memory_with_an_identity_of_its_own()
    {
        var handler = new CachingTokenHandler(_clock);
        var token = Token(Key, expiresIn: TimeSpan.FromHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters(Key));
        var second = await handler.ValidateTokenAsync(token, SignatureNotCheckable(Parameters(Key)));
        second.ClaimsIdentity.AddClaim(new Claim("added", "by one request"));
        var third = await handler.ValidateTokenAsync(token, SignatureNotCheckable(Parameters(Key)));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid); // not checked again: the signature check would have thrown
        Assert.Equal("shopper-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Null(third.ClaimsIdentity.FindFirst("added"));
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_once_it_has_expired()
    {
        var handler = new CachingTokenHandler(_clock);
        var token = Token(Key, expiresIn: TimeSpan.FromMinutes(2));
        await handler.ValidateTokenAsync(token, Parameters(Key));

        _clock.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = await handler.ValidateTokenAsync(token, SignatureNotCheckable(Parameters(Key)));

        Assert.False(afterExpiry.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(afterExpiry.Exception);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_after_at_most_five_minutes()
    {
        var handler = new CachingTokenHandler(_clock);
        var token = Token(Key, expiresIn: TimeSpan.FromHours(8));
        await handler.ValidateTokenAsync(token, Parameters(Key));

        _clock.Advance(CachingTokenHandler.MaxAge - TimeSpan.FromSeconds(1));
        var before = await handler.ValidateTokenAsync(token, SignatureNotCheckable(Parameters(Key)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = await handler.ValidateTokenAsync(token, SignatureNotCheckable(Parameters(Key)));

        Assert.Equal((true, false), (before.IsValid, after.IsValid));
    }

    [Fact]
    public async Task A_token_signed_by_a_key_no_longer_trusted_is_refused_at_once()
    {
        var handler = new CachingTokenHandler(_clock);
        var token = Token(Key, expiresIn: TimeSpan.FromHours(1));
        await handler.ValidateTokenAsync(token, Parameters(Key));

        var afterRotation = await handler.ValidateTokenAsync(token, Parameters(RotatedKey));
        var freshToken = await handler.ValidateTokenAsync(Token(RotatedKey, expiresIn: TimeSpan.FromHours(1)), Parameters(RotatedKey));

        Assert.False(afterRotation.IsValid);
        Assert.True(freshToken.IsValid);
    }

    [Fact]
    public async Task A_token_that_fails_is_never_remembered()
    {
        var handler = new CachingTokenHandler(_clock);
        var token = Token(Key, expiresIn: TimeSpan.FromHours(1));

        var wrongAudience = await handler.ValidateTokenAsync(token, Parameters(Key, audience: "someone-else"));
        var again = await handler.ValidateTokenAsync(token, SignatureNotCheckable(Parameters(Key)));

        Assert.Equal((false, false), (wrongAudience.IsValid, again.IsValid));
    }

    private static RsaSecurityKey NewKey(string id) => new(RSA.Create(2048)) { KeyId = id };

    private string Token(SecurityKey key, TimeSpan expiresIn)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "tests", Audience = "tandem", Subject = new ClaimsIdentity([new Claim("sub", "shopper-1")]),
            IssuedAt = now, NotBefore = now, Expires = now + expiresIn,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static TokenValidationParameters Parameters(SecurityKey key, string audience = "tandem") => new()
    {
        ValidIssuer = "tests", ValidAudience = audience, IssuerSigningKey = key,
        ValidateLifetime = false, // lifetime here is the handler's own clock; the library's check uses the real one
    };

    /// <summary>The same parameters, but any signature check fails: a valid answer can only come from memory.</summary>
    private static TokenValidationParameters SignatureNotCheckable(TokenValidationParameters parameters)
    {
        var copy = parameters.Clone();
        copy.SignatureValidator = (_, _) => throw new SecurityTokenInvalidSignatureException("checked again");
        return copy;
    }
}
