using System.Security.Claims;
using System.Security.Cryptography;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Tests.Infrastructure;

/// <summary>Signs tokens the way an issuer would, including the wrong ways: expired, foreign key, no role.</summary>
public static class TestTokens
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>A key nobody trusts.</summary>
    public static SigningCredentials ForeignKey { get; } = NewKey("foreign");

    public static SigningCredentials NewKey(string keyId) =>
        new(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256);

    public static string Sign(SigningCredentials key, string issuer, string audience, string? role, string subject, DateTime? expires = null, DateTime? issuedAt = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (role is not null)
        {
            claims.Add(new Claim("role", role));
        }

        var issued = issuedAt ?? DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires ?? issued.AddHours(1),
            SigningCredentials = key,
        });
    }
}
