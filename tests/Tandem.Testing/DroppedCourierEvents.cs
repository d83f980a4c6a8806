using Orleans.Streams.Filtering;

using Tandem.Contracts.Couriers;

namespace Tandem.Tests.Infrastructure;

/// <summary>Loses every event of marked couriers, as a dying silo loses what its memory stream queues held.</summary>
public sealed class DroppedCourierEvents : IStreamFilter
{
    /// <summary>Couriers whose id contains this never have an event delivered.</summary>
    public const string Marker = "events-lost";

    public bool ShouldDeliver(StreamId streamId, object item, string? filterData) =>
        item is not CourierChanged change || !change.Courier.CourierId.Contains(Marker, StringComparison.Ordinal);
}
