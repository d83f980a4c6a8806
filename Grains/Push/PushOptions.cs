namespace Tandem.Grains.Push;

/// <summary>Web Push; bound from <c>Tandem:Push</c>.</summary>
public sealed class PushOptions
{
    /// <summary>The VAPID private key (P-256, PEM), made on first run when missing. All silos of a cluster share one.</summary>
    public string? VapidKeyPath { get; set; }

    /// <summary>Who push services may contact about Tandem's messages (RFC 8292 "sub").</summary>
    public string Subject { get; set; } = "mailto:operations@tandem.example";

    /// <summary>
    /// Push services Tandem may send to (a subscription elsewhere is refused, so no one can make Tandem call an
    /// arbitrary URL). A leading dot allows subdomains.
    /// </summary>
    public List<string> AllowedHosts { get; set; } =
        ["fcm.googleapis.com", "updates.push.services.mozilla.com", ".notify.windows.com", "web.push.apple.com", ".push.apple.com"];

    /// <summary>Also allow plain-HTTP push services on this machine (a local test push service).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long a push service keeps an undelivered message (an offer is worth little later).</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request to a push service may take before it counts as failed.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A push service that answers 429 or 5xx is asked once more, after its Retry-After (or a second) when that is
    /// at most this long; otherwise the message is given up (an offer is worth little later).
    /// </summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(5);

    public bool Allows(Uri endpoint) =>
        endpoint.IsAbsoluteUri
        && ((endpoint.Scheme == Uri.UriSchemeHttps && AllowedHosts.Any(h => h.StartsWith('.') ? endpoint.Host.EndsWith(h, StringComparison.OrdinalIgnoreCase) : endpoint.Host.Equals(h, StringComparison.OrdinalIgnoreCase)))
            || (AllowLoopback && endpoint.IsLoopback && endpoint.Scheme is "http" or "https"));
}
