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

    public string Issue(string role, string subject)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevSigningKey.Issuer,
            Audience = DevSigningKey.Audience,
            Subject = new ClaimsIdentity([new Claim(Caller.SubjectClaim, subject), new Claim(options.Value.RoleClaim, role)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = key.Credentials,
        });
    }
}
