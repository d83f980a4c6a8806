using System.Net;

namespace Tandem.Api.Identity;

/// <summary>
/// Development tokens let anyone sign in as anyone, so a node that issues them listens only on loopback unless
/// <c>Tandem:Auth:DevTokensOnPublicAddress</c> says otherwise (e.g. a demo on a private network, knowingly).
/// </summary>
public static class PublicAddressGuard
{
    public const string AllowKey = AuthOptions.Section + ":DevTokensOnPublicAddress";

    /// <summary>The configured listening addresses that are not loopback (from <c>urls</c> and Kestrel endpoints).</summary>
    public static IReadOnlyList<string> PublicAddresses(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return [.. urls.Where(url => !IsLoopback(url))];
    }

    /// <summary>Throws when development tokens would be issued on a public address without being allowed.</summary>
    public static void Check(IConfiguration configuration, bool devTokens)
    {
        if (!devTokens || configuration.GetValue<bool>(AllowKey))
        {
            return;
        }

        if (PublicAddresses(configuration) is [var first, ..])
        {
            throw new InvalidOperationException(
                $"Development tokens let anyone sign in as anyone; refusing to serve them on {first}. Listen on loopback, configure "
                + $"{AuthOptions.Section}:Authority and Audience, or set {AllowKey}=true to do it knowingly.");
        }
    }

    private static bool IsLoopback(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var host = rest.StartsWith('[') ? rest[1..rest.IndexOf(']', StringComparison.Ordinal)] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
