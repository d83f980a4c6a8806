using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Bench;

/// <summary>
/// The OpenID Connect issuer for the PostgreSQL run (which, like any deployment on PostgreSQL, accepts only an
/// external issuer's tokens): discovery and JWKS served by the benchmark's own host under <see cref="PathBase"/>.
/// </summary>
public sealed class BenchAuthority(string url)
{
    public const string PathBase = "/bench-issuer";
    public const string Audience = "tandem-bench";

    private readonly ECDsaSecurityKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "bench-1" };
    private readonly JsonWebTokenHandler _handler = new();

    public string Url { get; } = url.TrimEnd('/') + PathBase;

    public void Map(IEndpointRouteBuilder app)
    {
        var q = _key.ECDsa.ExportParameters(includePrivateParameters: false).Q;
        app.MapGet(PathBase + "/.well-known/openid-configuration", () => Results.Json(new { issuer = Url, jwks_uri = Url + "/jwks" })).AllowAnonymous();
        app.MapGet(PathBase + "/jwks", () => Results.Json(new
        {
            keys = new[] { new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = _key.KeyId, x = Base64UrlEncoder.Encode(q.X), y = Base64UrlEncoder.Encode(q.Y) } },
        })).AllowAnonymous();
    }

    public string Issue(string role, string subject) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Url,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
        Expires = DateTime.UtcNow.AddHours(2),
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
    });
}
