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

    public async Task SendAsync(CourierId courier, PushSubscription subscription, string payload)
    {
        var courierId = courier.Value;
        var endpoint = new Uri(subscription.Endpoint);
        if (!options.Value.Allows(endpoint) || Base64Url.TryDecode(subscription.P256dh) is not { } key || Base64Url.TryDecode(subscription.Auth) is not { } auth)
        {
            logger.SubscriptionRefused(courierId);
            return;
        }

        var body = WebPushEncryption.Encrypt(key, auth, Encoding.UTF8.GetBytes(payload));
        var outcome = await DeliverAsync(courierId, subscription, endpoint, body);
        TandemMetrics.PushOutcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("service", endpoint.Authority));
    }

    /// <summary>
    /// One request, and one more when the push service answers 429 or 5xx and asks for a short enough wait.
    /// 404/410: the browser unsubscribed, so the subscription is dropped. No answer within the send timeout, or no
    /// connection: failed, nothing retried, nothing thrown to anyone.
    /// </summary>
    private async Task<string> DeliverAsync(string courierId, PushSubscription subscription, Uri endpoint, byte[] body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = Request(endpoint, body);
            using var deadline = new CancellationTokenSource(options.Value.SendTimeout);
            HttpResponseMessage response;
            try
            {
                response = await client.Http.SendAsync(request, deadline.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && deadline.IsCancellationRequested))
            {
                TandemMetrics.PushSent.Add(1, new KeyValuePair<string, object?>("status", 0), new KeyValuePair<string, object?>("service", endpoint.Authority));
                logger.PushFailed(ex, courierId, attempt);
                return "failed";
            }

            using (response)
            {
                TandemMetrics.PushSent.Add(1, new KeyValuePair<string, object?>("status", (int)response.StatusCode), new KeyValuePair<string, object?>("service", endpoint.Authority));
                if (response.IsSuccessStatusCode)
                {
                    return "delivered";
                }

                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    await GrainFactory.Courier(new CourierId(courierId)).SetPushSubscriptionAsync(null, subscription.Endpoint); // the browser unsubscribed
                    return "gone";
                }

                var transient = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                var wait = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - clock.GetUtcNow() : TimeSpan.FromSeconds(1));
                if (transient && attempt == 1 && wait <= options.Value.MaxRetryWait)
                {
                    logger.AskingAgain((int)response.StatusCode, courierId, wait);
                    await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
                    continue;
                }

                logger.PushRefused((int)response.StatusCode, courierId, await response.Content.ReadAsStringAsync());
                return transient ? "failed" : "refused";
            }
        }
    }

    private HttpRequestMessage Request(Uri endpoint, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentEncoding.Add("aes128gcm");
        request.Headers.Add("TTL", ((int)options.Value.TimeToLive.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Urgency", "high");
        request.Headers.TryAddWithoutValidation("Authorization", vapid.Authorization(endpoint, options.Value.Subject, clock.GetUtcNow()));
        return request;
    }
}
