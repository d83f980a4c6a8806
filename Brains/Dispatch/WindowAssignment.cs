using Google.OrTools.Graph;

namespace Tandem.Brains.Dispatch;

/// <summary>A job given to a courier, with what it cost.</summary>
public sealed record Assignment(DispatchJob Job, DispatchCourier Courier, DispatchCost Cost);

/// <summary>A window's decisions: the assignments, the jobs held for the next window, and the total cost.</summary>
public sealed record WindowDecision(IReadOnlyList<Assignment> Assignments, IReadOnlyList<DispatchJob> Held, double TotalCost);

/// <summary>
/// One dispatch window: the assignment of jobs to couriers of least total cost, each courier taking at most one job per
/// window, solved exactly as a min-cost flow (Google OR-Tools): one unit from each job, either through a courier
/// (the job's cost) or held for the next window (<see cref="HoldSeconds"/>: a courier whose job would cost more is
/// never sent). Each job may be limited to its <see cref="Candidates"/> cheapest couriers (all by default: exact); jobs
/// outnumbering couriers wait.
/// </summary>
public sealed class WindowAssignment(TravelModel travel, CostWeights weights, double holdSeconds = 3600, int candidates = int.MaxValue)
{
    public double HoldSeconds { get; } = holdSeconds;

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
            return new WindowDecision([], [.. jobs], jobs.Count * HoldSeconds);
        }

        // Nodes: the source, the jobs, the couriers, the sink.
        var (m, k) = (jobs.Count, free.Count);
        var (source, sink) = (0, m + k + 1);
        var flow = new MinCostFlow();
        var arcs = new List<(int Arc, int Job, int Courier, DispatchCost Cost)>();
        var row = new DispatchCost[k];
        for (var i = 0; i < m; i++)
        {
            var wet = raining?.Invoke(jobs[i].Pickup) ?? false;
            for (var j = 0; j < k; j++)
            {
                row[j] = weights.Of(jobs[i], free[j], now, travel, wet);
            }

            flow.AddArcWithCapacityAndUnitCost(source, 1 + i, 1, 0);
            flow.AddArcWithCapacityAndUnitCost(1 + i, sink, 1, Milliseconds(HoldSeconds));
            foreach (var j in Enumerable.Range(0, k).Where(j => row[j].Total < HoldSeconds && (allowed is null || allowed(jobs[i], free[j]))).OrderBy(j => row[j].Total).Take(Candidates))
            {
                arcs.Add((flow.AddArcWithCapacityAndUnitCost(1 + i, 1 + m + j, 1, Milliseconds(row[j].Total)), i, j, row[j]));
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
        var held = jobs.Where(j => !given.Contains(j.Id)).ToList();
        return new WindowDecision(assignments, held, assignments.Sum(a => a.Cost.Total) + (held.Count * HoldSeconds));
    }

    private static long Milliseconds(double seconds) => (long)Math.Round(seconds * 1000);
}
