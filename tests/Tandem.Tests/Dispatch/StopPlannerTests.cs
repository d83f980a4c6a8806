using Tandem.Brains.Dispatch;

namespace Tandem.Tests.Dispatch;

public sealed class StopPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TravelModel Travel = new();

    private static TimeSpan Ride(Place a, Place b) => Travel.Between(a, b, raining: false);

    private static Place North(double km) => new(51.5 + (km / 111.195), -0.1);

    [Fact]
    public void The_exact_plan_is_the_cheapest_of_every_order_of_the_stops_on_200_random_routes()
    {
        var random = new Random(7);
        Place Anywhere() => new(51.45 + (random.NextDouble() * 0.1), -0.2 + (random.NextDouble() * 0.15));
        for (var round = 0; round < 200; round++)
        {
            var jobs = Enumerable.Range(0, random.Next(1, 5)).Select(i => new CarriedJob(
                "j" + i, random.NextDouble() < 0.3 ? null : Anywhere(), Anywhere(), Now.AddMinutes(random.Next(5, 60)))).ToList();
            var from = Anywhere();

            var plan = StopPlanner.Plan(from, jobs, Now, Ride, lateness: 3);

            Assert.Equal(Math.Round(BruteForce(from, jobs), 6), Math.Round(plan.Cost, 6));
            AssertValid(jobs, plan);
        }
    }

    [Fact]
    public void A_job_already_collected_is_only_dropped_off_and_drop_offs_on_the_way_come_first()
    {
        // The courier at 0 km carries a collected job for 1 km; a new job is collected at 2 km for 3 km.
        var jobs = new List<CarriedJob>
        {
            new("new", North(2), North(3), Now.AddHours(1)),
            new("carried", null, North(1), Now.AddHours(1)),
        };

        var plan = StopPlanner.Plan(North(0), jobs, Now, Ride, lateness: 3);

        Assert.Equal([("carried", false), ("new", true), ("new", false)], plan.Stops.Select(s => (s.JobId, s.IsPickup)));
        Assert.Equal(Ride(North(0), North(3)).TotalSeconds, plan.Dropoff("new").Arrival.TotalSeconds, 3);
        Assert.Equal((Ride(North(0), North(1)) + Ride(North(0), North(3))).TotalSeconds, plan.Cost, 6);
    }

    [Fact]
    public void Time_at_the_counter_and_at_each_door_is_counted_and_a_second_order_at_the_counter_takes_less()
    {
        var times = StopTimes.Street;
        var jobs = new List<CarriedJob>
        {
            new("a", North(0), North(1), Now.AddHours(1)),
            new("b", North(0), North(2), Now.AddHours(1)),
        };

        var plan = StopPlanner.Plan(North(0), jobs, Now, Ride, lateness: 3, times);

        Assert.Equal([("a", true), ("b", true), ("a", false), ("b", false)], plan.Stops.Select(s => (s.JobId, s.IsPickup)));
        var firstDoor = times.Collect + times.CollectAgain + Ride(North(0), North(1));
        var secondDoor = firstDoor + times.HandOver + Ride(North(1), North(2));
        Assert.Equal(times.Collect.TotalSeconds, plan.Stops[1].Arrival.TotalSeconds, 6);
        Assert.Equal(firstDoor.TotalSeconds, plan.Stops[2].Arrival.TotalSeconds, 6);
        Assert.Equal(secondDoor.TotalSeconds, plan.Stops[3].Arrival.TotalSeconds, 6);
        Assert.Equal((firstDoor + times.HandOver + secondDoor + times.HandOver).TotalSeconds, plan.Cost, 6);
    }

    [Fact]
    public void A_late_promise_goes_first_when_its_lateness_costs_more_than_the_detour()
    {
        // Both collected; "far" (4 km north) is due in 10 minutes, "near" (2 km south) in an hour. Lateness counts 3 times:
        // near first delays far by the 4 km there and back, four times over (ride and lateness); far first delays near by 8 km once.
        var jobs = new List<CarriedJob>
        {
            new("near", null, North(-2), Now.AddHours(1)),
            new("far", null, North(4), Now.AddMinutes(10)),
        };

        var plan = StopPlanner.Plan(North(0), jobs, Now, Ride, lateness: 3);

        Assert.Equal(["far", "near"], plan.Stops.Select(s => s.JobId));
    }

    [Fact]
    public void Beyond_the_exact_limit_every_job_is_inserted_in_a_valid_route()
    {
        var random = new Random(3);
        Place Anywhere() => new(51.45 + (random.NextDouble() * 0.1), -0.2 + (random.NextDouble() * 0.15));
        var jobs = Enumerable.Range(0, StopPlanner.MaxExact + 3).Select(i => new CarriedJob(
            "j" + i, i % 3 == 0 ? null : Anywhere(), Anywhere(), Now.AddMinutes(10 + (5 * i)))).ToList();

        var plan = StopPlanner.Plan(Anywhere(), jobs, Now, Ride, lateness: 3);

        AssertValid(jobs, plan);
    }

    [Fact]
    public void A_courier_carrying_a_hundred_orders_gets_every_pickup_first_then_the_doors_by_promise()
    {
        var random = new Random(5);
        Place Anywhere() => new(51.45 + (random.NextDouble() * 0.1), -0.2 + (random.NextDouble() * 0.15));
        var jobs = Enumerable.Range(0, 100).Select(i => new CarriedJob("j" + i, Anywhere(), Anywhere(), Now.AddMinutes(100 - i))).ToList();

        var plan = StopPlanner.Plan(Anywhere(), jobs, Now, Ride, lateness: 3, StopTimes.Street);

        AssertValid(jobs, plan);
        Assert.Equal(Enumerable.Range(0, 100).Reverse().Select(i => "j" + i), plan.Stops.Where(s => !s.IsPickup).Select(s => s.JobId));
    }

    private static void AssertValid(List<CarriedJob> jobs, StopPlan plan)
    {
        Assert.Equal(jobs.Count + jobs.Count(j => j.Pickup is not null), plan.Stops.Count);
        foreach (var job in jobs)
        {
            var drop = plan.Stops.ToList().FindIndex(s => s.JobId == job.Id && !s.IsPickup);
            var pick = plan.Stops.ToList().FindIndex(s => s.JobId == job.Id && s.IsPickup);
            Assert.True(drop >= 0);
            Assert.Equal(job.Pickup is null, pick < 0);
            Assert.True(pick < drop);
        }

        Assert.True(plan.Stops.Zip(plan.Stops.Skip(1)).All(p => p.First.Arrival <= p.Second.Arrival));
    }

    /// <summary>Every order of the stops with each pickup before its drop-off, costed the planner's way.</summary>
    private static double BruteForce(Place from, List<CarriedJob> jobs)
    {
        var stops = jobs.SelectMany((j, i) => j.Pickup is null ? new[] { (i, false) } : [(i, true), (i, false)]).ToList();
        var best = double.MaxValue;
        foreach (var order in Permutations(stops))
        {
            if (order.Select((s, k) => (s, k)).Any(p => !p.s.Item2 && order.FindIndex(o => o.Item1 == p.s.Item1 && o.Item2) > p.k))
            {
                continue;
            }

            var (at, time, cost) = (from, TimeSpan.Zero, 0.0);
            foreach (var (job, pickup) in order)
            {
                var place = pickup ? jobs[job].Pickup!.Value : jobs[job].Dropoff;
                time += Ride(at, place);
                at = place;
                if (!pickup)
                {
                    cost += time.TotalSeconds + (3 * Math.Max(0, (Now + time - jobs[job].PromisedBy).TotalSeconds));
                }
            }

            best = Math.Min(best, cost);
        }

        return best;
    }

    private static IEnumerable<List<(int, bool)>> Permutations(List<(int, bool)> items) =>
        items.Count <= 1 ? [items] : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (List<(int, bool)>)[item, .. rest]));
}
