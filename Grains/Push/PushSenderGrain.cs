using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Push;

namespace Tandem.Grains.Push;

/// <summary>Sends Web Push messages; stateless, so every silo sends its own share.</summary>
[StatelessWorker]
public sealed class PushSenderGrain(
    VapidKey vapid,
    PushClient client,
    IOptions<PushOptions> options,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<PushSenderGrain> logger) : Grain, IPushSenderGrain
{
    public Task<string> GetPublicKeyAsync() => Task.FromResult(vapid.PublicKey);

    public async Task SendAsync(string courierId, PushSubscription subscription, string payload)
    {
        var endpoint = new Uri(subscription.Endpoint);
        if (!options.Value.Allows(endpoint) || Base64Url.TryDecode(subscription.P256dh) is not { } key || Base64Url.TryDecode(subscription.Auth) is not { } auth)
        {
            logger.LogWarning("Not pushing to courier {CourierId}: the subscription is not allowed or not valid", courierId);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(WebPushEncryption.Encrypt(key, auth, Encoding.UTF8.GetBytes(payload))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentEncoding.Add("aes128gcm");
        request.Headers.Add("TTL", ((int)options.Value.TimeToLive.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Urgency", "high");
        request.Headers.TryAddWithoutValidation("Authorization", vapid.Authorization(endpoint, options.Value.Subject, clock.GetUtcNow()));
        try
        {
            using var response = await client.Http.SendAsync(request);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                await GrainFactory.Courier(new CourierId(courierId)).SetPushSubscriptionAsync(null, subscription.Endpoint); // the browser unsubscribed
            }
            else if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The push service answered {Status} for courier {CourierId}: {Body}", (int)response.StatusCode, courierId, await response.Content.ReadAsStringAsync());
            }

            TandemMetrics.PushSent.Add(1, new KeyValuePair<string, object?>("status", (int)response.StatusCode));
        }
        catch (HttpRequestException ex)
        {
            TandemMetrics.PushSent.Add(1, new KeyValuePair<string, object?>("status", 0));
            logger.LogWarning(ex, "Pushing to courier {CourierId} failed", courierId);
        }
    }
}
