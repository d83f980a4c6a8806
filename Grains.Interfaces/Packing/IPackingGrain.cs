using Tandem.Contracts.Packing;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Grains.Interfaces.Packing;

/// <summary>
/// The packing service: chooses boxes from the configured catalogue and where each unit goes, for a set of order lines.
/// A stateless worker (any key; callers use 0): it keeps nothing but a cache of plans per item set.
/// </summary>
public interface IPackingGrain : IGrainWithIntegerKey
{
    /// <summary>A plan for the lines (a sku twice counts once with both quantities); never refuses: what no box takes is listed as unboxed.</summary>
    Task<OrderPacking> PlanAsync(IReadOnlyList<OrderLineRequest> lines);
}
