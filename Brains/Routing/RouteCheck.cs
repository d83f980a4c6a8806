namespace Tandem.Brains.Routing;

/// <summary>Checks routes against their problem: every stop served once, loads within capacity, every service started within its window, each delivery after its pickup on the same route.</summary>
public static class RouteCheck
{
    public static double Length(RoutingProblem problem, IEnumerable<IReadOnlyList<int>> routes) =>
        routes.Where(r => r.Count > 0).Sum(r => problem.Distance(0, r[0]) + r.Zip(r.Skip(1)).Sum(p => problem.Distance(p.First, p.Second)) + problem.Distance(r[^1], 0));

    /// <summary>What is wrong with <paramref name="solution"/>, or nothing.</summary>
    public static IReadOnlyList<string> Problems(RoutingProblem problem, RoutingSolution solution)
    {
        var problems = new List<string>();
        var served = solution.Routes.SelectMany(r => r).ToList();
        var customers = Enumerable.Range(1, problem.Stops.Count - 1).ToList();
        if (!served.Order().SequenceEqual(customers))
        {
            problems.Add($"served {served.Count} stops ({served.Distinct().Count()} distinct) of {customers.Count}");
        }

        if (solution.Vehicles > problem.Vehicles)
        {
            problems.Add($"{solution.Vehicles} vehicles of {problem.Vehicles}");
        }

        for (var r = 0; r < solution.Routes.Count; r++)
        {
            var route = solution.Routes[r];
            double at = 0, load = 0, peak = 0;
            var previous = 0;
            var position = new Dictionary<int, int>();
            for (var i = 0; i < route.Count; i++)
            {
                var stop = problem.Stops[route[i]];
                at = Math.Max(at + problem.Distance(previous, route[i]), stop.Ready);
                if (at > stop.Due + 1e-6)
                {
                    problems.Add($"route {r}: stop {stop.Id} served at {at:F1}, after its window closed at {stop.Due}");
                }

                at += stop.Service;
                load += stop.Demand;
                peak = Math.Max(peak, load);
                position[stop.Id] = i;
                previous = route[i];
            }

            if (at + problem.Distance(previous, 0) > problem.Stops[0].Due + 1e-6)
            {
                problems.Add($"route {r}: back at the depot at {at + problem.Distance(previous, 0):F1}, after {problem.Stops[0].Due}");
            }

            if (peak > problem.Capacity)
            {
                problems.Add($"route {r}: load {peak} over the capacity {problem.Capacity}");
            }

            foreach (var stop in route.Select(s => problem.Stops[s]).Where(s => s.Delivery is not null))
            {
                if (!position.TryGetValue(stop.Delivery!.Value, out var delivered) || delivered < position[stop.Id])
                {
                    problems.Add($"route {r}: pickup {stop.Id} not delivered after it on the same route");
                }
            }
        }

        return problems;
    }
}
