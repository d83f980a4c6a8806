using System.Security.Claims;

using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Api.Identity;

/// <summary>Signs development tokens with the <see cref="DevSigningKey"/> (embedded mode only).</summary>
public sealed class DevTokenIssuer(DevSigningKey key, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public TimeSpan Lifetime => options.Value.DevTokenLifetime;

    /// <summary>A token for <paramref name="subject"/> in <paramref name="role"/>; an operator may be staff of one store (<paramref name="store"/>).</summary>
    public string Issue(string role, string subject, string? store = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Claim> claims = [new Claim(Caller.SubjectClaim, subject), new Claim(options.Value.RoleClaim, role)];
        if (store is not null)
        {
            claims.Add(new Claim(Caller.StoreClaim, store));
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevSigningKey.Issuer,
            Audience = DevSigningKey.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = key.Credentials,
        });
    }
}
