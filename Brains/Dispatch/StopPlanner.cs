namespace Tandem.Brains.Dispatch;

/// <summary>One stop of a courier's route: collect or drop off a job, where, and when the courier gets there (from now).</summary>
public sealed record PlannedStop(string JobId, bool IsPickup, Place Place, TimeSpan Arrival);

/// <summary>
/// A courier's stops in order, and what they cost: the drop-offs' arrival times added up (seconds) plus
/// <c>lateness</c> times every second a drop-off is later than its promise.
/// </summary>
public sealed record StopPlan(IReadOnlyList<PlannedStop> Stops, double Cost)
{
    public static readonly StopPlan Empty = new([], 0);

    public PlannedStop? Pickup(string jobId) => Stops.FirstOrDefault(s => s.JobId == jobId && s.IsPickup);

    public PlannedStop Dropoff(string jobId) => Stops.First(s => s.JobId == jobId && !s.IsPickup);
}

/// <summary>
/// Orders a courier's stops with time windows: every job's pickup (unless collected) before its drop-off, the drop-offs
/// due by their promises (late ones cost <c>lateness</c> times their lateness, so a route is always found). Exact — every
/// order of the stops is weighed, branches costlier than the best found so far are cut — up to <see cref="MaxExact"/>
/// jobs; above that each job is put where it adds least (cheapest insertion), in the order of their promises.
/// </summary>
public static class StopPlanner
{
    public const int MaxExact = 5;

    public static StopPlan Plan(Place from, IReadOnlyList<CarriedJob> jobs, DateTimeOffset now, Func<Place, Place, TimeSpan> ride, double lateness)
    {
        if (jobs.Count == 0)
        {
            return StopPlan.Empty;
        }

        var stops = new List<(int Job, bool Pickup)>();
        if (jobs.Count <= MaxExact)
        {
            var best = (Cost: double.MaxValue, Order: Array.Empty<(int, bool)>());
            var picked = jobs.Select(j => j.Pickup is null).ToArray();
            var dropped = new bool[jobs.Count];
            Search(from, TimeSpan.Zero, 0, jobs.Count);
            return Build(best.Order);

            void Search(Place at, TimeSpan time, double cost, int left)
            {
                if (left == 0)
                {
                    if (cost < best.Cost)
                    {
                        best = (cost, [.. stops]);
                    }

                    return;
                }

                if (cost + (left * time.TotalSeconds) >= best.Cost)
                {
                    return; // every drop-off still to come arrives no sooner than now
                }

                for (var j = 0; j < jobs.Count; j++)
                {
                    if (!picked[j])
                    {
                        var arrival = time + ride(at, jobs[j].Pickup!.Value);
                        picked[j] = true;
                        stops.Add((j, true));
                        Search(jobs[j].Pickup!.Value, arrival, cost, left);
                        stops.RemoveAt(stops.Count - 1);
                        picked[j] = false;
                    }
                    else if (!dropped[j])
                    {
                        var arrival = time + ride(at, jobs[j].Dropoff);
                        dropped[j] = true;
                        stops.Add((j, false));
                        Search(jobs[j].Dropoff, arrival, cost + Weigh(j, arrival), left - 1);
                        stops.RemoveAt(stops.Count - 1);
                        dropped[j] = false;
                    }
                }
            }
        }

        // Cheapest insertion: each job, soonest promise first, where its stops add least to the route so far.
        foreach (var j in Enumerable.Range(0, jobs.Count).OrderBy(j => jobs[j].PromisedBy))
        {
            var best = (Cost: double.MaxValue, Order: stops);
            var pickupAt = jobs[j].Pickup is null ? [-1] : Enumerable.Range(0, stops.Count + 1);
            foreach (var p in pickupAt)
            {
                var withPickup = p < 0 ? stops : [.. stops[..p], (j, true), .. stops[p..]];
                for (var d = p + 1; d <= withPickup.Count; d++)
                {
                    List<(int, bool)> candidate = [.. withPickup[..d], (j, false), .. withPickup[d..]];
                    if (CostOf(candidate) is var c && c < best.Cost)
                    {
                        best = (c, candidate);
                    }
                }
            }

            stops = best.Order;
        }

        return Build([.. stops]);

        double Weigh(int job, TimeSpan arrival)
        {
            var late = (now + arrival - jobs[job].PromisedBy).TotalSeconds;
            return arrival.TotalSeconds + (lateness * Math.Max(0, late));
        }

        double CostOf(IReadOnlyList<(int Job, bool Pickup)> order) => Build(order).Cost;

        StopPlan Build(IReadOnlyList<(int Job, bool Pickup)> order)
        {
            var (at, time, cost) = (from, TimeSpan.Zero, 0.0);
            var planned = new List<PlannedStop>(order.Count);
            foreach (var (job, pickup) in order)
            {
                var place = pickup ? jobs[job].Pickup!.Value : jobs[job].Dropoff;
                time += ride(at, place);
                at = place;
                planned.Add(new PlannedStop(jobs[job].Id, pickup, place, time));
                cost += pickup ? 0 : Weigh(job, time);
            }

            return new StopPlan(planned, cost);
        }
    }
}
