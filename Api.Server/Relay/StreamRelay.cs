using Microsoft.AspNetCore.SignalR;

using Orleans.Streams;

using Tandem.Api.Hubs;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Ops;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Recommendations;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Api.Relay;

/// <summary>
/// The one path from grains to browsers on this Api node: subscribes once to every partition of every
/// Tandem stream namespace and fans each event out to the SignalR groups that want it. However many
/// browsers watch a product, this node receives its events once.
/// </summary>
public sealed class StreamRelay(
    IClusterClient cluster,
    IHubContext<ShopHub> shop,
    IHubContext<CourierHub> couriers,
    OpsFeed ops,
    TimeProvider clock,
    ILogger<StreamRelay> logger) : IHostedService
{
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(3);

    private readonly List<Func<Task>> _unsubscribe = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var provider = cluster.GetStreamProvider(StreamMap.Provider);
        await SubscribeAsync<StockChanged>(provider, StockChanged.StreamNamespace, OnStockAsync);
        await SubscribeAsync<OrderChanged>(provider, OrderChanged.StreamNamespace, OnOrderAsync);
        await SubscribeAsync<CourierChanged>(provider, CourierChanged.StreamNamespace, OnCourierAsync);
        await SubscribeAsync<SessionChanged>(provider, SessionChanged.StreamNamespace, OnSessionAsync);
        await SubscribeAsync<RecommendationsChanged>(provider, RecommendationsChanged.StreamNamespace, OnRecommendationsAsync);
        logger.LogInformation("Relaying {Count} stream partitions to SignalR", _unsubscribe.Count);
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
            logger.LogDebug(ex, "Unsubscribing from the streams did not finish during shutdown");
        }
    }

    private async Task SubscribeAsync<T>(IStreamProvider provider, string streamNamespace, Func<T, Task> handle)
    {
        foreach (var id in StreamMap.All(streamNamespace))
        {
            var handleSafely = async (T item, StreamSequenceToken? _) =>
            {
                try
                {
                    await handle(item);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Relaying a {EventType} failed", typeof(T).Name);
                }
            };
            var subscription = await provider.GetStream<T>(id).SubscribeAsync(handleSafely);
            _unsubscribe.Add(subscription.UnsubscribeAsync);
        }
    }

    private Task OnStockAsync(StockChanged change)
    {
        RecordLag(StockChanged.StreamNamespace, change.At);
        ops.Post(new OpsEvent("stock", change.At, change));
        return shop.Clients.Group(HubContract.Groups.Product(change.Cell.Sku)).SendAsync(HubContract.Events.StockChanged, change);
    }

    private async Task OnOrderAsync(OrderChanged change)
    {
        RecordLag(OrderChanged.StreamNamespace, change.Transition.At);
        ops.Post(new OpsEvent("order", change.Transition.At, change));
        var order = change.Order;
        await shop.Clients.Group(HubContract.Groups.Order(order.OrderId)).SendAsync(HubContract.Events.OrderChanged, change);
        if (order.CourierId is { } courierId)
        {
            var group = couriers.Clients.Group(HubContract.Groups.Courier(courierId));
            if (change.Transition.To == OrderStatus.Dispatched)
            {
                await group.SendAsync(HubContract.Events.Assignment, order);
            }

            await group.SendAsync(HubContract.Events.OrderChanged, change);
        }
    }

    private async Task OnCourierAsync(CourierChanged change)
    {
        RecordLag(CourierChanged.StreamNamespace, change.At);
        ops.Post(new OpsEvent("courier", change.At, change));
        var courier = change.Courier;
        var group = couriers.Clients.Group(HubContract.Groups.Courier(courier.CourierId));
        await group.SendAsync(HubContract.Events.CourierChanged, change);
        if (change.Kind == CourierChangeKind.Offered && courier.Offer is { } offer)
        {
            await group.SendAsync(HubContract.Events.Offer, offer);
        }

        if (change.Kind == CourierChangeKind.Moved && courier.Position is { } position)
        {
            // Shoppers tracking an order see the courier carrying it, and only while it is assigned.
            foreach (var assignment in courier.Assignments)
            {
                await shop.Clients.Group(HubContract.Groups.Order(assignment.OrderId)).SendAsync(HubContract.Events.CourierPosition,
                    new CourierOnTheWay(assignment.OrderId, courier.CourierId, courier.Name, position, courier.PositionAt ?? change.At, courier.Version));
            }
        }
    }

    private Task OnSessionAsync(SessionChanged change)
    {
        RecordLag(SessionChanged.StreamNamespace, change.At);
        ops.Post(new OpsEvent("session", change.At, change));
        return Task.CompletedTask;
    }

    private Task OnRecommendationsAsync(RecommendationsChanged picks)
    {
        RecordLag(RecommendationsChanged.StreamNamespace, picks.At);
        return shop.Clients.Group(HubContract.Groups.Session(picks.SessionId)).SendAsync(HubContract.Events.Recommendations, picks);
    }

    private void RecordLag(string streamNamespace, DateTimeOffset publishedAt) =>
        TandemMetrics.StreamLag.Record(
            Math.Max(0, (clock.GetUtcNow() - publishedAt).TotalMilliseconds),
            new KeyValuePair<string, object?>("stream", streamNamespace));
}
