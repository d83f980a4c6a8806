using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Push;

/// <summary>Sends Web Push messages: payloads encrypted for the browser (RFC 8291), signed by Tandem's VAPID key (RFC 8292).</summary>
public interface IPushSenderGrain : IGrainWithIntegerKey
{
    /// <summary>Tandem's VAPID public key (uncompressed P-256 point, base64url): browsers subscribe with it.</summary>
    [ReadOnly]
    Task<string> GetPublicKeyAsync();

    /// <summary>
    /// Delivers <paramref name="payload"/> (JSON) to the courier's subscription, without making the caller wait. A
    /// subscription the push service says is gone is removed from the courier.
    /// </summary>
    [OneWay]
    Task SendAsync(CourierId courier, PushSubscription subscription, string payload);
}
