using Tandem.Brains.Dispatch;

namespace Tandem.Tests.Dispatch;

public sealed class WindowAssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TravelModel Travel = new();

    /// <summary>A place <paramref name="km"/> kilometres north of a point in London.</summary>
    private static Place North(double km) => new(51.5 + (km / 111.195), -0.1);

    private static DispatchJob Job(string id, double km) => new(id, North(km), North(km), Now.AddHours(1));

    private static DispatchCourier Courier(string id, double km, int load = 0) => new(id, North(km), load, 2);

    [Fact]
    public void Two_jobs_go_where_their_total_is_least_not_to_whoever_is_nearest_first()
    {
        // Couriers at 0 and 10 km; the first job at 4 km, the second at -5 km. Nearest-first sends the 0 km courier to
        // the first job (4 km) and leaves the second 15 km away: 19 km. Together: 6 + 5 = 11 km.
        var window = new WindowAssignment(Travel, new CostWeights(), TimeSpan.FromHours(1));

        var decision = window.Decide([Job("first", 4), Job("second", -5)], [Courier("a", 0), Courier("b", 10)], Now);

        Assert.Equal([("first", "b"), ("second", "a")], decision.Assignments.Select(a => (a.Job.Id, a.Courier.Id)));
        Assert.Equal(Travel.Between(North(10), North(4), false) + Travel.Between(North(0), North(-5), false), decision.Assignments.Aggregate(TimeSpan.Zero, (t, a) => t + a.Cost.ToPickup));
        Assert.Empty(decision.Held);
    }

    [Fact]
    public void A_job_no_courier_reaches_soon_waits_and_so_do_jobs_beyond_the_couriers()
    {
        // 10 minutes of riding to the pickup is the most worth sending a courier for: at 18 km/h and a 1.3 detour, 2.3 km.
        var window = new WindowAssignment(Travel, new CostWeights(), TimeSpan.FromMinutes(10));

        var far = window.Decide([Job("far", 30)], [Courier("a", 0)], Now);
        var many = window.Decide([Job("j1", 0.1), Job("j2", 0.2), Job("j3", 0.3)], [Courier("a", 0), Courier("full", 0, load: 2)], Now);

        Assert.Empty(far.Assignments);
        Assert.Equal(["far"], far.Held.Select(h => h.Id));
        Assert.Equal([("j1", "a")], many.Assignments.Select(a => (a.Job.Id, a.Courier.Id))); // the full courier takes nothing
        Assert.Equal(["j2", "j3"], many.Held.Select(h => h.Id));
    }

    [Fact]
    public void A_long_trip_to_the_door_does_not_hold_an_order_whose_courier_is_near()
    {
        // Picked up 1 km from the courier, dropped 80 km away: hours of riding and lateness, the same for every courier.
        var window = new WindowAssignment(Travel, new CostWeights(), TimeSpan.FromMinutes(10));
        var job = new DispatchJob("far-door", North(1), North(81), Now.AddMinutes(45));

        var decision = window.Decide([job], [Courier("near", 0)], Now);

        Assert.Equal(["near"], decision.Assignments.Select(a => a.Courier.Id));
        Assert.True(decision.Assignments[0].Cost.Late > TimeSpan.FromHours(4), $"{decision.Assignments[0].Cost.Late}");
    }

    [Fact]
    public void Lateness_and_a_courier_s_load_count_in_the_cost()
    {
        var weights = new CostWeights(Lateness: 3, PerJobCarried: 120);
        var job = new DispatchJob("late", North(1), North(3), Now.AddMinutes(5));

        var cost = weights.Of(job, Courier("busy", 0, load: 1), Now, Travel, raining: false);
        var wet = weights.Of(job, Courier("busy", 0, load: 1), Now, Travel, raining: true);

        // Handed over after the rides, two minutes at the counter and 90 s at the door.
        var handedOver = Travel.Between(North(0), North(1), false) + Travel.AtStops.Collect + Travel.Between(North(1), North(3), false) + Travel.AtStops.HandOver;
        Assert.Equal(handedOver - TimeSpan.FromMinutes(5), cost.Late);
        Assert.Equal(handedOver.TotalSeconds + (3 * cost.Late.TotalSeconds) + 120, cost.Total, 6);
        Assert.Equal(cost.ToPickup.TotalSeconds / 0.8, wet.ToPickup.TotalSeconds, 6); // rain slows the ride
    }

    [Fact]
    public void On_random_windows_the_decision_serves_as_many_and_costs_as_little_as_the_best_of_every_possible_assignment()
    {
        var random = new Random(7);
        var window = new WindowAssignment(Travel, new CostWeights(), TimeSpan.FromMinutes(12));
        for (var round = 0; round < 200; round++)
        {
            var jobs = Enumerable.Range(0, random.Next(1, 6)).Select(i => new DispatchJob("j" + i, North(random.NextDouble() * 6), North(random.NextDouble() * 6), Now.AddMinutes(random.Next(5, 40)))).ToList();
            var couriers = Enumerable.Range(0, random.Next(1, 5)).Select(i => Courier("c" + i, random.NextDouble() * 6, load: random.Next(0, 2))).ToList();

            var decision = window.Decide(jobs, couriers, Now);

            var (served, cost) = Best(jobs, couriers, window, 0, []);
            Assert.Equal(served, decision.Assignments.Count);
            Assert.Equal(cost, decision.TotalCost, 2);
            Assert.Equal(jobs.Count, decision.Assignments.Count + decision.Held.Count);
            Assert.Equal(decision.Assignments.Count, decision.Assignments.Select(a => a.Courier.Id).Distinct().Count());
        }
    }

    /// <summary>The most jobs served, and the least total cost for that many, over every way of giving each job a different courier or holding it.</summary>
    private static (int Served, double Cost) Best(List<DispatchJob> jobs, List<DispatchCourier> couriers, WindowAssignment window, int next, HashSet<string> taken)
    {
        if (next == jobs.Count)
        {
            return (0, 0);
        }

        var best = Best(jobs, couriers, window, next + 1, taken);
        foreach (var courier in couriers.Where(c => c.Load < c.Capacity && !taken.Contains(c.Id)))
        {
            var cost = new CostWeights().Of(jobs[next], courier, Now, Travel, raining: false);
            if (cost.ToPickup <= window.MaxToPickup)
            {
                taken.Add(courier.Id);
                var rest = Best(jobs, couriers, window, next + 1, taken);
                taken.Remove(courier.Id);
                var option = (rest.Served + 1, rest.Cost + cost.Total);
                if (option.Item1 > best.Served || (option.Item1 == best.Served && option.Item2 < best.Cost))
                {
                    best = option;
                }
            }
        }

        return best;
    }
}
