using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

using Tandem.Hosting.Configuration;

namespace Tandem.Api.Identity;

/// <summary>
/// JWT bearer identity. Cluster mode validates the tokens of an external OpenID Connect issuer
/// (<c>Tandem:Auth:Authority</c> and <c>Audience</c>) and refuses to start without one; embedded mode
/// issues and validates its own development tokens unless an authority is configured.
/// </summary>
public static class AuthenticationSetup
{
    /// <summary>
    /// Browsers cannot put a header on a page navigation or a beacon: the web clients keep their token in this
    /// same-site cookie too, accepted only for the dashboard and behaviour beacons.
    /// </summary>
    public const string TokenCookie = "tandem.token";

    /// <summary>WebSockets carry no headers from browsers: hubs accept the token in this query parameter.</summary>
    public const string AccessTokenQuery = "access_token";

    /// <summary>True when this node issues development tokens.</summary>
    public static bool DevTokensEnabled(IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        return options.DevTokens ?? (options.Authority is null && TandemClusterOptions.ConnectionString(configuration) is null);
    }

    public static WebApplicationBuilder AddTandemAuthentication(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        var clusterMode = TandemClusterOptions.ConnectionString(configuration) is not null;
        var devTokens = DevTokensEnabled(configuration);
        Validate(options, clusterMode, devTokens);
        PublicAddressGuard.Check(configuration, devTokens);

        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        DevSigningKey? devKey = null;
        if (devTokens)
        {
            devKey = DevSigningKey.LoadOrCreate(options.DevKeyPath);
            builder.Services.AddSingleton(devKey);
            builder.Services.AddSingleton<DevTokenIssuer>();
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.SaveToken = false; // nothing reads the token back from the ticket; storing it cost every request an allocation
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                NameClaimType = Caller.SubjectClaim,
                RoleClaimType = options.RoleClaim,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (options.Authority is not null)
            {
                jwt.Authority = options.Authority;
                jwt.Audience = options.Audience;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            }
            else
            {
                jwt.TokenValidationParameters.ValidIssuer = DevSigningKey.Issuer;
                jwt.TokenValidationParameters.ValidAudience = DevSigningKey.Audience;
                jwt.TokenValidationParameters.IssuerSigningKey = devKey!.Key;
            }

            jwt.Events = new JwtBearerEvents { OnMessageReceived = ReadTokenOutsideHeader };
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new CachingTokenHandler(TimeProvider.System)); // a token checked once is not checked again on every request
        });

        builder.Services.AddAuthorization(authorization =>
        {
            foreach (var role in Roles.All)
            {
                authorization.AddPolicy(role, policy => policy.RequireAssertion(c => Caller.TryOf(c.User)?.Role == role));
            }

            authorization.AddPolicy(Roles.AnyUser, policy => policy.RequireAssertion(c => Caller.TryOf(c.User) is not null));
            authorization.AddPolicy(Roles.CourierOrOps, policy => policy.RequireAssertion(c => Caller.TryOf(c.User) is { IsCourier: true } or { IsOps: true }));
            authorization.AddPolicy(Roles.ShopperOrOps, policy => policy.RequireAssertion(c => Caller.TryOf(c.User) is { IsShopper: true } or { IsOps: true }));

            // Anything not marked otherwise needs a signed-in user: a forgotten endpoint is closed, not open.
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }

    private static void Validate(AuthOptions options, bool clusterMode, bool devTokens)
    {
        if (options.Authority is not null && string.IsNullOrWhiteSpace(options.Audience))
        {
            throw new InvalidOperationException($"{AuthOptions.Section}:Authority is set but {AuthOptions.Section}:Audience is not.");
        }

        if (clusterMode && options.Authority is null)
        {
            throw new InvalidOperationException(
                $"Cluster mode needs an OpenID Connect issuer: set {AuthOptions.Section}:Authority and {AuthOptions.Section}:Audience.");
        }

        if (clusterMode && devTokens)
        {
            throw new InvalidOperationException($"{AuthOptions.Section}:DevTokens is for embedded mode only.");
        }

        if (!devTokens && options.Authority is null)
        {
            throw new InvalidOperationException(
                $"No token issuer: set {AuthOptions.Section}:Authority and Audience, or leave {AuthOptions.Section}:DevTokens on.");
        }
    }

    /// <summary>A behaviour batch sent with navigator.sendBeacon as the page closes: it cannot carry a header.</summary>
    private static bool IsBeacon(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.StartsWithSegments("/api/sessions", out var rest)
        && rest.Value is { } tail && tail.EndsWith("/events", StringComparison.Ordinal) && tail.Count(c => c == '/') == 2;

    private static Task ReadTokenOutsideHeader(MessageReceivedContext context)
    {
        var request = context.Request;
        if (!string.IsNullOrEmpty(request.Headers.Authorization))
        {
            return Task.CompletedTask;
        }

        if (request.Path.StartsWithSegments("/hubs") && request.Query[AccessTokenQuery] is [{ Length: > 0 } token])
        {
            context.Token = token;
        }
        else if ((request.Path.StartsWithSegments("/dashboard") || IsBeacon(request)) && request.Cookies[TokenCookie] is { Length: > 0 } cookie)
        {
            context.Token = cookie;
        }

        return Task.CompletedTask;
    }
}
