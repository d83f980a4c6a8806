namespace Tandem.Brains.Routing;

/// <summary>
/// One place a vehicle must visit: where, how much it loads (negative: unloads), the window its service must start in,
/// how long the service takes, and for pickup-and-delivery the index of its partner stop (the delivery of a pickup, the
/// pickup of a delivery).
/// </summary>
public sealed record RouteStop(int Id, double X, double Y, int Demand, double Ready, double Due, double Service, int? Pickup = null, int? Delivery = null);

/// <summary>
/// Vehicles of one capacity leaving a depot (stop 0) and coming back to it, serving every other stop once within its
/// window; travel time is the Euclidean distance. <see cref="Dimacs"/>: distances are truncated to one decimal (the
/// DIMACS convention of the Solomon best-known distances), otherwise taken at full precision.
/// </summary>
public sealed record RoutingProblem(string Name, IReadOnlyList<RouteStop> Stops, int Vehicles, int Capacity, bool Dimacs)
{
    public double Distance(int from, int to)
    {
        var (a, b) = (Stops[from], Stops[to]);
        var d = Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
        return Dimacs ? Math.Floor(d * 10) / 10 : d;
    }

    public bool PickupAndDelivery => Stops.Any(s => s.Delivery is not null);
}

/// <summary>Routes (each the stops in order, depot left out) and their total distance.</summary>
public sealed record RoutingSolution(IReadOnlyList<IReadOnlyList<int>> Routes, double Distance)
{
    public int Vehicles => Routes.Count(r => r.Count > 0);
}
