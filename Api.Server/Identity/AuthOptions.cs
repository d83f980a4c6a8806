namespace Tandem.Api.Identity;

/// <summary>Who issues the tokens Tandem accepts; bound from <c>Tandem:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Tandem:Auth";

    /// <summary>The OpenID Connect issuer (its discovery document and signing keys live under it). Required in cluster mode.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for. Required with <see cref="Authority"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>Refuse an authority reached over plain HTTP (only a test authority on localhost turns this off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that carries the role: <c>shopper</c>, <c>courier</c> or <c>ops</c>.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>
    /// Tandem issues its own tokens at <c>POST /api/dev/token</c>. On by default in embedded mode; cluster mode
    /// refuses to start with it on.
    /// </summary>
    public bool? DevTokens { get; set; }

    /// <summary>Where the development signing key is kept; by default in the user's local application data, never in the repository.</summary>
    public string? DevKeyPath { get; set; }

    /// <summary>How long a development token lives.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
