using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Hubs;
using Tandem.Contracts.Ops;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Api.Relay;

/// <summary>
/// The one path from grains to browsers on this Api node: subscribes once to every partition of every stream a
/// feature declared a route for (<see cref="RelayRoutes"/>) and fans each event out to the control room's feed and
/// the SignalR groups that want it. However many browsers watch a product, this node receives its events once.
/// </summary>
public sealed class StreamRelay(
    IClusterClient cluster,
    IHubContext<ShopHub> shop,
    IHubContext<CourierHub> couriers,
    RelayRoutes routes,
    OpsFeed ops,
    TimeProvider clock,
    ILogger<StreamRelay> logger) : IHostedService
{
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(3);

    private readonly RelayHubs _hubs = new(shop, couriers);
    private readonly List<Func<Task>> _unsubscribe = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var provider = cluster.GetStreamProvider(StreamMap.Provider);
        foreach (var route in routes.Freeze())
        {
            foreach (var partition in StreamMap.All(route.StreamNamespace))
            {
                _unsubscribe.Add(await route.SubscribeAsync(provider, partition, this));
            }
        }

        logger.Relaying(_unsubscribe.Count);
    }

    /// <summary>
    /// Unsubscribes, but never holds up shutdown for long: when the cluster is already gone the calls
    /// cannot succeed, and the subscriptions of a dead client are cleaned up by the cluster.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_unsubscribe.Select(u => u())).WaitAsync(UnsubscribeTimeout, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.UnsubscribeUnfinished(ex);
        }
    }

    internal async Task RelayAsync<T>(RelayRoute<T> route, T item) where T : notnull
    {
        try
        {
            var at = route.At(item);
            TandemMetrics.StreamLag.Record(
                Math.Max(0, (clock.GetUtcNow() - at).TotalMilliseconds),
                new KeyValuePair<string, object?>("stream", route.StreamNamespace));
            if (route.OpsKind is { } kind)
            {
                ops.Post(new OpsEvent(kind, at, item));
            }

            await route.DeliverAsync(_hubs, item);
        }
        catch (Exception ex)
        {
            logger.RelayFailed(ex, typeof(T).Name);
        }
    }
}
