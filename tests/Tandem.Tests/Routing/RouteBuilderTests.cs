using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Routing;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Routing;

public sealed class RouteBuilderTests
{
    // A depot at 0 on a line, customers at 10, 20 and 30: one vehicle can serve them all.
    private static RoutingProblem Line(double dueOfFar, double dueOfNear = 1000, int vehicles = 2, int capacity = 10) => new(
        "line",
        [
            new RouteStop(0, 0, 0, 0, 0, 1000, 0),
            new RouteStop(1, 10, 0, 1, 0, dueOfNear, 5),
            new RouteStop(2, 20, 0, 1, 0, 1000, 5),
            new RouteStop(3, 30, 0, 1, 0, dueOfFar, 5),
        ],
        vehicles,
        capacity,
        Dimacs: false);

    [Fact]
    public void Customers_on_a_line_are_served_out_and_back_by_one_vehicle()
    {
        var solution = RouteBuilder.Solve(Line(1000), TimeSpan.FromMilliseconds(100))!;

        Assert.Equal(60, solution.Distance, 6);
        Assert.Equal(1, solution.Vehicles);
        Assert.Empty(RouteCheck.Problems(Line(1000), solution));
    }

    [Fact]
    public void Tight_windows_at_both_ends_of_the_line_take_a_second_vehicle()
    {
        // The near customer by 10 and the far one by 30: no vehicle can do both (10, then 5 of service, then 20 more
        // is 35), so the cheapest is the near one alone (20) and the far one, then the middle on the way back (60).
        var problem = Line(dueOfFar: 30, dueOfNear: 10);

        var solution = RouteBuilder.Solve(problem, TimeSpan.FromMilliseconds(100))!;

        Assert.Empty(RouteCheck.Problems(problem, solution));
        Assert.Equal([[1], [3, 2]], solution.Routes.OrderBy(r => r[0]).Select(r => r.ToArray()));
        Assert.Equal(80, solution.Distance, 6);
    }

    [Fact]
    public void A_pickup_comes_before_its_delivery_on_the_same_vehicle()
    {
        // Pickup 2 (far) must be delivered at 1 (near): out to 2, back through 1.
        RoutingProblem problem = new(
            "pair",
            [
                new RouteStop(0, 0, 0, 0, 0, 1000, 0),
                new RouteStop(1, 10, 0, -5, 0, 1000, 0, Pickup: 2),
                new RouteStop(2, 20, 0, 5, 0, 1000, 0, Delivery: 1),
            ],
            Vehicles: 2,
            Capacity: 5,
            Dimacs: false);

        var solution = RouteBuilder.Solve(problem, TimeSpan.FromMilliseconds(100))!;

        Assert.Equal([[2, 1]], solution.Routes);
        Assert.Empty(RouteCheck.Problems(problem, solution));
    }

    [Fact]
    public void The_check_names_a_missed_window_a_full_vehicle_a_missing_stop_and_a_delivery_before_its_pickup()
    {
        var problem = Line(dueOfFar: 30, capacity: 2);
        RoutingProblem pair = new(
            "pair",
            [new RouteStop(0, 0, 0, 0, 0, 1000, 0), new RouteStop(1, 10, 0, -5, 0, 1000, 0, Pickup: 2), new RouteStop(2, 20, 0, 5, 0, 1000, 0, Delivery: 1)],
            1, 5, Dimacs: false);

        Assert.Equal(
            ["route 0: stop 3 served at 40.0, after its window closed at 30", "route 0: load 3 over the capacity 2"],
            RouteCheck.Problems(problem, new RoutingSolution([[1, 2, 3]], 60)));
        Assert.Equal(["served 2 stops (2 distinct) of 3"], RouteCheck.Problems(problem, new RoutingSolution([[3], [1]], 80)));
        Assert.Equal(["route 0: pickup 2 not delivered after it on the same route"], RouteCheck.Problems(pair, new RoutingSolution([[1, 2]], 40)));
    }

    [Fact]
    public void DIMACS_distances_are_truncated_to_one_decimal()
    {
        RoutingProblem problem = new("d", [new RouteStop(0, 0, 0, 0, 0, 100, 0), new RouteStop(1, 1, 1, 1, 0, 100, 0)], 1, 1, Dimacs: true);

        Assert.Equal(1.4, problem.Distance(0, 1), 12); // √2 = 1.414…
        Assert.Equal(Math.Sqrt(2), (problem with { Dimacs = false }).Distance(0, 1), 12);
    }

    [Fact]
    public void On_Solomon_C101_and_Li_Lim_lc101_the_routes_are_feasible_and_near_the_best_known()
    {
        var (set, solomon) = RoutingBenchmark.Read(SharedData.Folder("solomon_vrptw"), 200);
        var c101 = solomon.Single(i => i.Problem.Name == "C101");
        var (pairs, lilim) = RoutingBenchmark.Read(SharedData.Folder("lilim_pdptw"), 100);
        var lc101 = lilim.Single(i => i.Problem.Name == "lc101");

        var vrptw = RouteBuilder.Solve(c101.Problem, TimeSpan.FromMilliseconds(300))!;
        var pdptw = RouteBuilder.Solve(lc101.Problem, TimeSpan.FromMilliseconds(300))!;

        Assert.Equal(("Solomon", "C1", 101, 827.3), (set, c101.Class, c101.Problem.Stops.Count, c101.BestDistance));
        Assert.Equal(("Li & Lim", "LC1", 107, 828.9369), (pairs, lc101.Class, lc101.Problem.Stops.Count, lc101.BestDistance));
        Assert.Empty(RouteCheck.Problems(c101.Problem, vrptw));
        Assert.Empty(RouteCheck.Problems(lc101.Problem, pdptw));
        Assert.InRange(vrptw.Distance / c101.BestDistance, 1, 1.05);
        Assert.InRange(pdptw.Distance / lc101.BestDistance, 0.999, 1.10);
    }
}
