using Tandem.Grains.Interfaces.Catalog;

namespace Tandem.Grains.Interfaces.Couriers;

/// <summary>One courier (key <see cref="Keys.CourierId"/>): position, status, capacity and assignments.</summary>
public interface ICourierGrain : IGrainWithStringKey
{
    /// <summary>Creates the courier, or updates name and capacity of an existing one. Idempotent.</summary>
    Task<CourierView> RegisterAsync(string name, int capacity, GeoPoint? position, CourierStatus status);

    /// <summary>Moves the courier; a position timed before the one held is ignored (<see cref="CourierOutcome.Stale"/>).</summary>
    Task<CourierResult> UpdatePositionAsync(GeoPoint position, DateTimeOffset at);

    /// <summary>Goes online (idle) or offline; refused while carrying orders. Idempotent.</summary>
    Task<CourierResult> SetAvailabilityAsync(bool online);

    /// <summary>Takes an order if online and below capacity. Idempotent by order id.</summary>
    Task<CourierResult> AssignAsync(CourierAssignment assignment);

    /// <summary>The courier has collected the order. Idempotent.</summary>
    Task<CourierResult> MarkPickedUpAsync(string orderId);

    /// <summary>Drops the order from the assignments (delivered or cancelled). Idempotent.</summary>
    Task<CourierResult> UnassignAsync(string orderId);

    /// <summary>The courier, or null when none is registered under this id.</summary>
    [ReadOnly]
    Task<CourierView?> GetAsync();
}
