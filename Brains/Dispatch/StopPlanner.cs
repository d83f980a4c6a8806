namespace Tandem.Brains.Dispatch;

/// <summary>One stop of a courier's route: collect or drop off a job, where, and when the courier gets there (from now).</summary>
public sealed record PlannedStop(string JobId, bool IsPickup, Place Place, TimeSpan Arrival);

/// <summary>
/// A courier's stops in order, and what they cost: the moments the drop-offs are handed over added up (seconds from now)
/// plus <c>lateness</c> times every second a hand-over is later than its promise.
/// </summary>
public sealed record StopPlan(IReadOnlyList<PlannedStop> Stops, double Cost)
{
    public static readonly StopPlan Empty = new([], 0);

    public PlannedStop? Pickup(string jobId) => Stops.FirstOrDefault(s => s.JobId == jobId && s.IsPickup);

    public PlannedStop Dropoff(string jobId) => Stops.First(s => s.JobId == jobId && !s.IsPickup);
}

/// <summary>
/// How long a courier spends at a stop: collecting an order (<see cref="Collect"/>; <see cref="CollectAgain"/> for the next
/// order at the same counter) and handing one over at the door (<see cref="HandOver"/>).
/// </summary>
public sealed record StopTimes(TimeSpan Collect, TimeSpan CollectAgain, TimeSpan HandOver)
{
    public static readonly StopTimes None = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Two minutes at the counter (20 s for each next order there), 90 s at the door.</summary>
    public static readonly StopTimes Street = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(90));
}

/// <summary>
/// Orders a courier's stops with time windows: every job's pickup (unless collected) before its drop-off, the drop-offs
/// due by their promises (late ones cost <c>lateness</c> times their lateness, so a route is always found), the time at
/// each stop (<see cref="StopTimes"/>) counted. Exact — every order of the stops is weighed, branches costlier than the
/// best found so far are cut — up to <see cref="MaxExact"/> jobs; up to <see cref="MaxInserted"/> each job is put where it
/// adds least (cheapest insertion), in the order of their promises; beyond that (a courier loaded like a van) the pickups
/// come first, then the drop-offs, each in the order of their promises.
/// </summary>
public static class StopPlanner
{
    public const int MaxExact = 5;

    public const int MaxInserted = 12;

    public static StopPlan Plan(
        Place from, IReadOnlyList<CarriedJob> jobs, DateTimeOffset now, Func<Place, Place, TimeSpan> ride, double lateness, StopTimes? times = null)
    {
        var at = times ?? StopTimes.None;
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
            Search(from, TimeSpan.Zero, 0, jobs.Count, lastWasPickup: false);
            return Build(best.Order);

            void Search(Place place, TimeSpan time, double cost, int left, bool lastWasPickup)
            {
                if (left == 0)
                {
                    if (cost < best.Cost)
                    {
                        best = (cost, [.. stops]);
                    }

                    return;
                }

                if (cost + (left * (time + at.HandOver).TotalSeconds) >= best.Cost)
                {
                    return; // every hand-over still to come is no sooner than now and its time at the door
                }

                for (var j = 0; j < jobs.Count; j++)
                {
                    if (!picked[j])
                    {
                        var (_, leave) = Collecting(place, jobs[j].Pickup!.Value, time, lastWasPickup);
                        picked[j] = true;
                        stops.Add((j, true));
                        Search(jobs[j].Pickup!.Value, leave, cost, left, lastWasPickup: true);
                        stops.RemoveAt(stops.Count - 1);
                        picked[j] = false;
                    }
                    else if (!dropped[j])
                    {
                        var done = time + ride(place, jobs[j].Dropoff) + at.HandOver;
                        dropped[j] = true;
                        stops.Add((j, false));
                        Search(jobs[j].Dropoff, done, cost + Weigh(j, done), left - 1, lastWasPickup: false);
                        stops.RemoveAt(stops.Count - 1);
                        dropped[j] = false;
                    }
                }
            }
        }

        var byPromise = Enumerable.Range(0, jobs.Count).OrderBy(j => jobs[j].PromisedBy).ToList();
        if (jobs.Count > MaxInserted)
        {
            return Build([.. byPromise.Where(j => jobs[j].Pickup is not null).Select(j => (j, true)), .. byPromise.Select(j => (j, false))]);
        }

        // Cheapest insertion: each job, soonest promise first, where its stops add least to the route so far.
        foreach (var j in byPromise)
        {
            var best = (Cost: double.MaxValue, Order: stops);
            var pickupAt = jobs[j].Pickup is null ? [-1] : Enumerable.Range(0, stops.Count + 1);
            foreach (var p in pickupAt)
            {
                var withPickup = p < 0 ? stops : [.. stops[..p], (j, true), .. stops[p..]];
                for (var d = p + 1; d <= withPickup.Count; d++)
                {
                    List<(int, bool)> candidate = [.. withPickup[..d], (j, false), .. withPickup[d..]];
                    if (Build(candidate).Cost is var c && c < best.Cost)
                    {
                        best = (c, candidate);
                    }
                }
            }

            stops = best.Order;
        }

        return Build([.. stops]);

        // Reaching a pickup and leaving it: the next order at the same counter takes less time than the first.
        (TimeSpan Arrival, TimeSpan Leave) Collecting(Place place, Place pickup, TimeSpan time, bool lastWasPickup)
        {
            var leg = ride(place, pickup);
            var arrival = time + leg;
            return (arrival, arrival + (lastWasPickup && leg == TimeSpan.Zero ? at.CollectAgain : at.Collect));
        }

        double Weigh(int job, TimeSpan done)
        {
            var late = (now + done - jobs[job].PromisedBy).TotalSeconds;
            return done.TotalSeconds + (lateness * Math.Max(0, late));
        }

        StopPlan Build(IReadOnlyList<(int Job, bool Pickup)> order)
        {
            var (place, time, cost, lastWasPickup) = (from, TimeSpan.Zero, 0.0, false);
            var planned = new List<PlannedStop>(order.Count);
            foreach (var (job, pickup) in order)
            {
                if (pickup)
                {
                    var (arrival, leave) = Collecting(place, jobs[job].Pickup!.Value, time, lastWasPickup);
                    planned.Add(new PlannedStop(jobs[job].Id, true, jobs[job].Pickup!.Value, arrival));
                    (place, time) = (jobs[job].Pickup!.Value, leave);
                }
                else
                {
                    var arrival = time + ride(place, jobs[job].Dropoff);
                    planned.Add(new PlannedStop(jobs[job].Id, false, jobs[job].Dropoff, arrival));
                    (place, time) = (jobs[job].Dropoff, arrival + at.HandOver);
                    cost += Weigh(job, time);
                }

                lastWasPickup = pickup;
            }

            return new StopPlan(planned, cost);
        }
    }
}
