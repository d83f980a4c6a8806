using Microsoft.AspNetCore.SignalR;

using Orleans.Streams;

using Tandem.Api.Hubs;

namespace Tandem.Api.Relay;

/// <summary>The hubs a relay route sends to.</summary>
public sealed record RelayHubs(IHubContext<ShopHub> Shop, IHubContext<CourierHub> Couriers);

/// <summary>
/// What the features relay from their streams to screens. Each feature declares its routes beside its endpoints
/// (<see cref="RelayRouteExtensions.Relay{T}"/> in its <c>Map…Api</c>); the <see cref="StreamRelay"/> subscribes to
/// all of them when the host starts. One route per stream namespace.
/// </summary>
public sealed class RelayRoutes
{
    private readonly List<RelayRoute> _routes = [];
    private readonly Lock _lock = new();
    private bool _frozen;

    internal void Add(RelayRoute route)
    {
        lock (_lock)
        {
            if (_frozen)
            {
                throw new InvalidOperationException($"The relay of {route.StreamNamespace} was declared after the relay started; declare routes while mapping endpoints.");
            }

            if (_routes.Exists(r => r.StreamNamespace == route.StreamNamespace))
            {
                throw new InvalidOperationException($"{route.StreamNamespace} already has a relay route; one feature owns each stream.");
            }

            _routes.Add(route);
        }
    }

    /// <summary>Every declared route; no more can be declared after this.</summary>
    internal IReadOnlyList<RelayRoute> Freeze()
    {
        lock (_lock)
        {
            _frozen = true;
            return [.. _routes];
        }
    }
}

/// <summary>One stream namespace relayed: to the control room's feed under <see cref="OpsKind"/> (if any), and by <c>deliver</c> to hub groups.</summary>
internal abstract class RelayRoute(string streamNamespace, string? opsKind)
{
    public string StreamNamespace { get; } = streamNamespace;

    public string? OpsKind { get; } = opsKind;

    /// <summary>Subscribes <paramref name="relay"/> to one partition of the stream; the result unsubscribes.</summary>
    public abstract Task<Func<Task>> SubscribeAsync(IStreamProvider provider, StreamId partition, StreamRelay relay);
}

internal sealed class RelayRoute<T>(string streamNamespace, string? opsKind, Func<T, DateTimeOffset> at, Func<RelayHubs, T, Task> deliver)
    : RelayRoute(streamNamespace, opsKind) where T : notnull
{
    public DateTimeOffset At(T item) => at(item);

    public Task DeliverAsync(RelayHubs hubs, T item) => deliver(hubs, item);

    public override async Task<Func<Task>> SubscribeAsync(IStreamProvider provider, StreamId partition, StreamRelay relay)
    {
        var subscription = await provider.GetStream<T>(partition).SubscribeAsync((item, _) => relay.RelayAsync(this, item));
        return subscription.UnsubscribeAsync;
    }
}

public static class RelayRouteExtensions
{
    /// <summary>
    /// Relays the events of <paramref name="streamNamespace"/> on this Api node: each goes to the control room's feed
    /// as <paramref name="opsKind"/> (none keeps it out of the feed), and to whichever hub groups <paramref name="deliver"/>
    /// sends it. <paramref name="at"/> is when the event happened (for the relay's lag metric).
    /// </summary>
    public static IEndpointRouteBuilder Relay<T>(
        this IEndpointRouteBuilder app, string streamNamespace, string? opsKind, Func<T, DateTimeOffset> at, Func<RelayHubs, T, Task> deliver)
        where T : notnull
    {
        app.ServiceProvider.GetRequiredService<RelayRoutes>().Add(new RelayRoute<T>(streamNamespace, opsKind, at, deliver));
        return app;
    }
}
