using Tandem.Contracts.Couriers;

namespace Tandem.Grains.Interfaces.Couriers;

/// <summary>
/// The couriers of one partition of the courier stream as their events last showed them: a read model kept from the
/// stream, for whoever needs every courier (the dispatcher each second, the couriers list, the control room) without
/// calling every courier grain.
/// </summary>
public interface ICourierBoardGrain : IGrainWithStringKey
{
    /// <summary>The latest view of each courier of this partition, by courier id.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<CourierView>> GetAllAsync();

    /// <summary>The couriers of this partition last seen within the box (degrees); couriers without a position are left out.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<CourierView>> GetWithinAsync(double south, double west, double north, double east);
}
