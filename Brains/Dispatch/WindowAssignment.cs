using Google.OrTools.Graph;

namespace Tandem.Brains.Dispatch;

/// <summary>A job given to a courier, with what it cost.</summary>
public sealed record Assignment(DispatchJob Job, DispatchCourier Courier, DispatchCost Cost);

/// <summary>A courier a job could have gone to, with what it would have cost.</summary>
public sealed record Candidate(string CourierId, DispatchCost Cost);

/// <summary>
/// A window's decisions: the assignments, the jobs held for the next window, the assignments' total cost, and for each
/// job its cheapest candidates (at most <see cref="WindowAssignment.Shortlist"/>, cheapest first) so a decision can say
/// whom it was weighed against.
/// </summary>
public sealed record WindowDecision(IReadOnlyList<Assignment> Assignments, IReadOnlyList<DispatchJob> Held, double TotalCost)
{
    public IReadOnlyDictionary<string, IReadOnlyList<Candidate>> Candidates { get; init; } = new Dictionary<string, IReadOnlyList<Candidate>>();
}

/// <summary>
/// One dispatch window: as many jobs as possible go to couriers, each courier taking at most one job per window, and
/// among those assignments the one of least total cost; solved exactly as a min-cost flow (Google OR-Tools): one unit
/// from each job, through a courier (the job's cost with that courier) or held for the next window (a cost above any
/// assignment's). A courier whose ride to the pickup is longer than <see cref="MaxToPickup"/> is not sent; jobs without
/// such a courier, or outnumbering the couriers, wait. Each job considers its <see cref="Candidates"/> cheapest couriers
/// (40 unless told: exact whenever a job has no more within reach) and each courier its <see cref="CourierCandidates"/>
/// cheapest jobs, so a courier no job finds among its cheapest (one on the way with a batch, say) still gets one.
/// </summary>
public sealed class WindowAssignment(TravelModel travel, CostWeights weights, TimeSpan maxToPickup, int candidates = WindowAssignment.DefaultCandidates)
{
    /// <summary>What holding a job costs in the flow (milliseconds): more than any set of assignments, so holding is the last resort.</summary>
    private const long HeldMs = 10_000_000_000;

    public const int DefaultCandidates = 40;

    /// <summary>How many of its cheapest jobs each courier is weighed for besides (so no courier is left out of every job's list).</summary>
    public const int CourierCandidates = 10;

    /// <summary>How many of each job's cheapest candidates a decision keeps.</summary>
    public const int Shortlist = 5;

    public TimeSpan MaxToPickup { get; } = maxToPickup;

    public int Candidates { get; } = candidates;

    /// <summary>
    /// The window's decision. <paramref name="raining"/> says where it rains (at a job's pickup); <paramref name="allowed"/>
    /// leaves out pairs (e.g. a courier who declined the job).
    /// </summary>
    public WindowDecision Decide(
        IReadOnlyList<DispatchJob> jobs, IReadOnlyList<DispatchCourier> couriers, DateTimeOffset now, Func<Place, bool>? raining = null, Func<DispatchJob, DispatchCourier, bool>? allowed = null)
    {
        var free = couriers.Where(c => c.Load < c.Capacity).ToList();
        if (jobs.Count == 0 || free.Count == 0)
        {
            return new WindowDecision([], [.. jobs], 0);
        }

        // Nodes: the source, the jobs, the couriers, the sink.
        var (m, k) = (jobs.Count, free.Count);
        var (source, sink) = (0, m + k + 1);
        var flow = new MinCostFlow();
        var arcs = new List<(int Arc, int Job, int Courier, DispatchCost Cost)>();
        // Every allowed pair's total (NaN: not allowed or beyond the ride limit); the full cost is built for the arcs kept.
        var totals = new double[m, k];
        var planned = new Dictionary<(int, int), DispatchCost>();
        var speeds = new double[m];
        var rides = new TimeSpan[m];
        var (dry, wet) = (travel.SpeedFactor(false, now), travel.SpeedFactor(true, now)); // one hour of the day for the whole window
        for (var i = 0; i < m; i++)
        {
            speeds[i] = raining?.Invoke(jobs[i].Pickup) ?? false ? wet : dry;
            rides[i] = travel.Between(jobs[i].Pickup, jobs[i].Dropoff, speeds[i]); // the same for every courier
            for (var j = 0; j < k; j++)
            {
                totals[i, j] = double.NaN;
                if (allowed is not null && !allowed(jobs[i], free[j]))
                {
                    continue;
                }

                if (free[j].Carried.Count == 0)
                {
                    var (total, toPickup) = weights.Quick(jobs[i], free[j], now, travel, speeds[i], rides[i]);
                    totals[i, j] = toPickup <= MaxToPickup ? total : double.NaN;
                }
                else if (weights.Of(jobs[i], free[j], now, travel, speeds[i], rides[i]) is var c && c.ToPickup <= MaxToPickup)
                {
                    (totals[i, j], planned[(i, j)]) = (c.Total, c);
                }
            }
        }

        DispatchCost CostOf(int i, int j) =>
            planned.TryGetValue((i, j), out var known) ? known : weights.Of(jobs[i], free[j], now, travel, speeds[i], rides[i]);

        // Each job's cheapest couriers, and each courier's cheapest jobs, so that no courier is left out of every list.
        var kept = new bool[m, k];
        var (keys, items) = (new double[Math.Max(m, k)], new int[Math.Max(m, k)]);
        for (var i = 0; i < m; i++)
        {
            KeepCheapest(i, byJob: true, Candidates);
        }

        for (var j = 0; j < k; j++)
        {
            KeepCheapest(j, byJob: false, CourierCandidates);
        }

        // Marks the cheapest pairs of one job (its couriers) or of one courier (its jobs) to be kept.
        void KeepCheapest(int index, bool byJob, int count)
        {
            var n = 0;
            for (var other = 0; other < (byJob ? k : m); other++)
            {
                var total = byJob ? totals[index, other] : totals[other, index];
                if (!double.IsNaN(total))
                {
                    (keys[n], items[n]) = (total, other);
                    n++;
                }
            }

            Cheapest(keys, items, n, count);
            for (var t = 0; t < Math.Min(n, count); t++)
            {
                kept[byJob ? index : items[t], byJob ? items[t] : index] = true;
            }
        }

        for (var i = 0; i < m; i++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, 1 + i, 1, 0);
            flow.AddArcWithCapacityAndUnitCost(1 + i, sink, 1, HeldMs);
            var n = 0;
            for (var j = 0; j < k; j++)
            {
                if (kept[i, j])
                {
                    (keys[n], items[n]) = (totals[i, j], j);
                    n++;
                }
            }

            Array.Sort(keys, items, 0, n); // cheapest first: a job's shortlist is its first arcs
            for (var t = 0; t < n; t++)
            {
                var j = items[t];
                arcs.Add((flow.AddArcWithCapacityAndUnitCost(1 + i, 1 + m + j, 1, Milliseconds(totals[i, j])), i, j, CostOf(i, j)));
            }
        }

        for (var j = 0; j < k; j++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + m + j, sink, 1, 0);
        }

        flow.SetNodeSupply(source, m);
        flow.SetNodeSupply(sink, -m);
        if (flow.Solve() != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The assignment of {m} jobs to {k} couriers has no solution: it always should.");
        }

        var assignments = arcs.Where(a => flow.Flow(a.Arc) > 0).Select(a => new Assignment(jobs[a.Job], free[a.Courier], a.Cost)).ToList();
        var given = assignments.Select(a => a.Job.Id).ToHashSet(StringComparer.Ordinal);
        return new WindowDecision(assignments, [.. jobs.Where(j => !given.Contains(j.Id))], assignments.Sum(a => a.Cost.Total))
        {
            Candidates = arcs.GroupBy(a => a.Job).ToDictionary(
                g => jobs[g.Key].Id, g => (IReadOnlyList<Candidate>)[.. g.Take(Shortlist).Select(a => new Candidate(free[a.Courier].Id, a.Cost))], StringComparer.Ordinal),
        };
    }

    private static long Milliseconds(double seconds) => (long)Math.Round(seconds * 1000);

    /// <summary>Moves the <paramref name="count"/> smallest of the first <paramref name="n"/> keys (with their items) to the front, in no order (quickselect).</summary>
    private static void Cheapest(double[] keys, int[] items, int n, int count)
    {
        var (low, high) = (0, n - 1);
        while (count < n && low < high)
        {
            var pivot = keys[(low + high) >>> 1];
            var (i, j) = (low, high);
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            if (count - 1 <= j)
            {
                high = j;
            }
            else if (count - 1 >= i)
            {
                low = i;
            }
            else
            {
                return;
            }
        }
    }
}
