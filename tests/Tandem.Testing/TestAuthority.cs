using System.Globalization;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect issuer on loopback for cluster-mode processes: it serves the discovery document
/// and its public signing key (JWKS) over HTTP, and signs tokens for any role and subject.
/// </summary>
public sealed class TestAuthority : IAsyncDisposable
{
    public const string Audience = "tandem-tests";

    private readonly WebApplication _app;
    private readonly SigningCredentials _key;

    private TestAuthority(WebApplication app, SigningCredentials key, string url)
    {
        _app = app;
        _key = key;
        Url = url;
    }

    /// <summary>The authority (and issuer) URL.</summary>
    public string Url { get; }

    public static async Task<TestAuthority> StartAsync()
    {
        var url = "http://127.0.0.1:" + TandemProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        var key = TestTokens.NewKey("test-authority-1");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ec = ((ECDsaSecurityKey)key.Key).ECDsa.ExportParameters(includePrivateParameters: false);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = url,
            ["jwks_uri"] = url + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "ES256" },
            ["subject_types_supported"] = new[] { "public" },
            ["response_types_supported"] = new[] { "id_token" },
        }));
        app.MapGet("/jwks", () => Results.Json(new
        {
            keys = new[]
            {
                new
                {
                    kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = key.Key.KeyId,
                    x = Base64UrlEncoder.Encode(ec.Q.X), y = Base64UrlEncoder.Encode(ec.Q.Y),
                },
            },
        }));
        await app.StartAsync();
        return new TestAuthority(app, key, url);
    }

    /// <summary>Settings that make an Api process trust this authority.</summary>
    public Dictionary<string, string> ApiSettings() => new()
    {
        ["Tandem__Auth__Authority"] = Url,
        ["Tandem__Auth__Audience"] = Audience,
        ["Tandem__Auth__RequireHttpsMetadata"] = "false",
    };

    public string Issue(string role, string subject, string audience = Audience) => TestTokens.Sign(_key, Url, audience, role, subject);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
