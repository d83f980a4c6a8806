using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace Tandem.Brains.Routing;

/// <summary>
/// Builds routes with time windows, capacities and (when the problem has them) pickup-and-delivery pairs with
/// Google OR-Tools' routing solver. Two searches run side by side until the time limit, each guided local search from
/// its own first solution (parallel cheapest insertion, which suits tight windows, and path cheapest arc, which suits
/// long horizons), and the shorter result wins. Distances and times are solved as integers in tenths (the DIMACS
/// truncation, exact) or in thousandths; the reported distance is recomputed from the routes in the problem's own
/// convention.
/// </summary>
public static class RouteBuilder
{
    /// <summary>The first solutions the searches start from, one search each.</summary>
    public static IReadOnlyList<FirstSolutionStrategy.Types.Value> Starts { get; } =
        [FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion, FirstSolutionStrategy.Types.Value.PathCheapestArc];

    /// <summary>How long a first solution alone may take to be found.</summary>
    public static readonly TimeSpan FirstSolutionLimit = TimeSpan.FromSeconds(10);

    /// <summary>Routes for <paramref name="problem"/>, improved for at most <paramref name="limit"/>; null when no search found any.</summary>
    public static RoutingSolution? Solve(RoutingProblem problem, TimeSpan limit)
    {
        if (limit <= TimeSpan.Zero)
        {
            return Solve(problem, limit, Starts[0]);
        }

        var found = new RoutingSolution?[Starts.Count];
        Parallel.For(0, Starts.Count, i => found[i] = Solve(problem, limit, Starts[i]));
        return found.OfType<RoutingSolution>().MinBy(s => s.Distance);
    }

    /// <summary>
    /// Routes for <paramref name="problem"/> from the <paramref name="first"/> solution, improved by guided local search
    /// for at most <paramref name="limit"/> (zero: the first solution only); null when none was found.
    /// </summary>
    public static RoutingSolution? Solve(RoutingProblem problem, TimeSpan limit, FirstSolutionStrategy.Types.Value first)
    {
        var scale = problem.Dimacs ? 10 : 1000;
        var n = problem.Stops.Count;
        var distance = new long[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distance[i, j] = (long)Math.Round(problem.Distance(i, j) * scale);
            }
        }

        var service = problem.Stops.Select(s => (long)Math.Round(s.Service * scale)).ToArray();
        using var manager = new RoutingIndexManager(n, problem.Vehicles, 0);
        using var routing = new RoutingModel(manager);
        var cost = routing.RegisterTransitCallback((from, to) => distance[manager.IndexToNode(from), manager.IndexToNode(to)]);
        routing.SetArcCostEvaluatorOfAllVehicles(cost);

        var horizon = (long)Math.Ceiling(problem.Stops[0].Due * scale);
        var time = routing.RegisterTransitCallback((from, to) =>
        {
            var a = manager.IndexToNode(from);
            return service[a] + distance[a, manager.IndexToNode(to)];
        });
        routing.AddDimension(time, horizon, horizon, false, "time");
        var clock = routing.GetMutableDimension("time");
        for (var node = 1; node < n; node++)
        {
            var stop = problem.Stops[node];
            clock.CumulVar(manager.NodeToIndex(node)).SetRange((long)Math.Ceiling(stop.Ready * scale), (long)Math.Floor(stop.Due * scale));
        }

        for (var vehicle = 0; vehicle < problem.Vehicles; vehicle++)
        {
            clock.CumulVar(routing.Start(vehicle)).SetRange(0, horizon);
            clock.CumulVar(routing.End(vehicle)).SetRange(0, horizon);
        }

        var demand = problem.Stops.Select(s => (long)s.Demand).ToArray();
        var load = routing.RegisterUnaryTransitCallback(index => demand[manager.IndexToNode(index)]);
        routing.AddDimensionWithVehicleCapacity(load, 0, [.. Enumerable.Repeat((long)problem.Capacity, problem.Vehicles)], true, "load");

        foreach (var pickup in problem.Stops.Where(s => s.Delivery is not null))
        {
            var (p, d) = (manager.NodeToIndex(pickup.Id), manager.NodeToIndex(pickup.Delivery!.Value));
            routing.AddPickupAndDelivery(p, d);
            routing.solver().Add(routing.solver().MakeEquality(routing.VehicleVar(p), routing.VehicleVar(d)));
            routing.solver().Add(routing.solver().MakeLessOrEqual(clock.CumulVar(p), clock.CumulVar(d)));
        }

        var search = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        search.FirstSolutionStrategy = first;
        search.TimeLimit = Duration.FromTimeSpan(limit > TimeSpan.Zero ? limit : FirstSolutionLimit);
        if (limit > TimeSpan.Zero)
        {
            search.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        }

        var assignment = routing.SolveWithParameters(search);
        if (assignment is null)
        {
            return null;
        }

        var routes = new List<IReadOnlyList<int>>();
        for (var vehicle = 0; vehicle < problem.Vehicles; vehicle++)
        {
            var route = new List<int>();
            for (var index = assignment.Value(routing.NextVar(routing.Start(vehicle))); !routing.IsEnd(index); index = assignment.Value(routing.NextVar(index)))
            {
                route.Add(manager.IndexToNode(index));
            }

            if (route.Count > 0)
            {
                routes.Add(route);
            }
        }

        return new RoutingSolution(routes, RouteCheck.Length(problem, routes));
    }
}
