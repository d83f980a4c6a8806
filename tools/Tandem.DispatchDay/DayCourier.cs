using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;

namespace Tandem.DispatchDay;

/// <summary>A courier in the simulated street: where they are, the stops their grain planned, and what they have done.</summary>
internal sealed class DayCourier(PlannedCourier plan)
{
    public string Id { get; } = plan.Id;

    public GeoPoint Position { get; set; } = plan.Start;

    public bool Online { get; set; } = true;

    /// <summary>Sent home by the rain; back when it stops.</summary>
    public bool RainedOff { get; set; }

    public IReadOnlyList<CourierStop> Stops { get; set; } = [];

    public int Carrying { get; set; }

    /// <summary>The stop being served (collecting or handing over) and when that ends.</summary>
    public CourierStop? Serving { get; set; }

    public DateTimeOffset ServiceEnds { get; set; }

    public GeoPoint? LastServed { get; set; }

    public DateTimeOffset LastReport { get; set; }

    public bool MovedSinceReport { get; set; }

    public double Km { get; set; }

    public double OnlineSeconds { get; set; }

    public double BusySeconds { get; set; }

    public int Offers { get; set; }
}
