using Microsoft.IdentityModel.Tokens;

using Tandem.Api.Http;
using Tandem.Contracts.Json;

namespace Tandem.Api.Identity;

/// <summary>
/// <c>dotnet Tandem.Api.dll dev-issuer</c>: a stand-alone OpenID Connect issuer for trying a cluster on one
/// machine. It serves the discovery document and the development key's JWKS, and signs tokens at
/// <c>POST /api/dev/token</c> like embedded mode does. Cluster Api nodes point <c>Tandem:Auth:Authority</c> at it.
/// Not for production: anyone can sign in as anyone.
/// </summary>
public static class DevIssuerHost
{
    public const string Command = "dev-issuer";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://localhost:5090");
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        builder.Services.AddSingleton(DevSigningKey.LoadOrCreate(options.DevKeyPath));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DevTokenIssuer>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => TandemJson.Configure(o.SerializerOptions));
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapDevIssuerDiscovery(app.Services.GetRequiredService<DevSigningKey>());
        app.MapDevTokenApi();
        await app.RunAsync();
    }

    /// <summary>
    /// The discovery document and JWKS of the development key under <paramref name="pathBase"/>, so a JWT bearer
    /// handler with <c>Authority</c> = that URL trusts development tokens. Open to anyone.
    /// </summary>
    public static RouteGroupBuilder MapDevIssuerDiscovery(this IEndpointRouteBuilder app, DevSigningKey key, string pathBase = "")
    {
        var group = app.MapGroup(pathBase).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/.well-known/openid-configuration", (HttpRequest request) => TypedResults.Json(new Dictionary<string, object>
        {
            ["issuer"] = DevSigningKey.Issuer,
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}{pathBase}/.well-known/jwks.json",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        group.MapGet("/.well-known/jwks.json", () => TypedResults.Json(new { keys = new[] { PublicJwk(key) } }));
        return group;
    }

    private static Dictionary<string, string> PublicJwk(DevSigningKey key)
    {
        var parameters = key.Key.Rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = key.Key.KeyId!,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
