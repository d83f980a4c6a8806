using Orleans.Streams.Filtering;

using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;

namespace Tandem.Tests.Infrastructure;

/// <summary>Loses every event of marked orders and couriers, as a dying silo loses what its memory stream queues held.</summary>
public sealed class DroppedEvents : IStreamFilter
{
    /// <summary>Orders and couriers whose id contains this never have an event delivered.</summary>
    public const string Marker = "events-lost";

    public bool ShouldDeliver(StreamId streamId, object item, string? filterData) => item switch
    {
        OrderChanged change => !change.Order.OrderId.Contains(Marker, StringComparison.Ordinal),
        CourierChanged change => !change.Courier.CourierId.Contains(Marker, StringComparison.Ordinal),
        _ => true,
    };
}
