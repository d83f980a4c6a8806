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
/// (40 unless told: exact whenever a job has no more within reach; 500 jobs and 300 couriers then decide in about
/// 30 ms at 0.1 % above the exact cost, where all of them take about 100 ms).
/// </summary>
public sealed class WindowAssignment(TravelModel travel, CostWeights weights, TimeSpan maxToPickup, int candidates = WindowAssignment.DefaultCandidates)
{
    /// <summary>What holding a job costs in the flow (milliseconds): more than any set of assignments, so holding is the last resort.</summary>
    private const long HeldMs = 10_000_000_000;

    public const int DefaultCandidates = 40;

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
        var row = new DispatchCost?[k];
        for (var i = 0; i < m; i++)
        {
            var wet = raining?.Invoke(jobs[i].Pickup) ?? false;
            for (var j = 0; j < k; j++)
            {
                row[j] = allowed is null || allowed(jobs[i], free[j]) ? weights.Of(jobs[i], free[j], now, travel, wet) : null;
            }

            flow.AddArcWithCapacityAndUnitCost(source, 1 + i, 1, 0);
            flow.AddArcWithCapacityAndUnitCost(1 + i, sink, 1, HeldMs);
            foreach (var j in Enumerable.Range(0, k).Where(j => row[j] is { } c && c.ToPickup <= MaxToPickup).OrderBy(j => row[j]!.Total).Take(Candidates))
            {
                arcs.Add((flow.AddArcWithCapacityAndUnitCost(1 + i, 1 + m + j, 1, Milliseconds(row[j]!.Total)), i, j, row[j]!));
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
}
