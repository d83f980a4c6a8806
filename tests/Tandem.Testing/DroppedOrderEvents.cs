using Orleans.Streams.Filtering;

using Tandem.Contracts.Orders;

namespace Tandem.Tests.Infrastructure;

/// <summary>Loses every order event of marked orders, as a dying silo loses what its memory stream queues held.</summary>
public sealed class DroppedOrderEvents : IStreamFilter
{
    /// <summary>Orders whose id contains this never have an event delivered.</summary>
    public const string Marker = "events-lost";

    public bool ShouldDeliver(StreamId streamId, object item, string? filterData) =>
        item is not OrderChanged change || !change.Order.OrderId.Contains(Marker, StringComparison.Ordinal);
}
