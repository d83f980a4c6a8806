namespace Tandem.DispatchDay;

/// <summary>What one order went through (null: it never got there).</summary>
internal sealed class OrderLife(PlannedOrder plan)
{
    public PlannedOrder Plan { get; } = plan;

    public DateTimeOffset? PackedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? CollectedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The courier carried other orders when they accepted this one.</summary>
    public bool Batched { get; set; }

    public int Offers { get; set; }
}

/// <summary>
/// A policy's day in figures: delivery times (placed to door, minutes), on time (at the door within the promise of
/// packing), couriers' use and riding. <see cref="MeanPackedToCollectedMinutes"/> is the part a dispatch policy can
/// shorten (finding a courier, their ride to the store, the counter): what follows is at least the ride to the door and
/// the door whatever the policy, and what comes before (packing) is the store's.
/// </summary>
internal sealed record DayFigures(int Orders, int Delivered, double MeanMinutes, double P95Minutes, double OnTimePercent, double MeanWaitForCourierMinutes, double BatchedPercent, double MeanPackedToCollectedMinutes)
{
    public static DayFigures Of(IReadOnlyCollection<OrderLife> orders, TimeSpan promise)
    {
        var delivered = orders.Where(o => o.DeliveredAt is not null).ToList();
        var minutes = delivered.Select(o => (o.DeliveredAt!.Value - o.Plan.PlacedAt).TotalMinutes).Order().ToList();
        var onTime = delivered.Count(o => o.DeliveredAt <= o.PackedAt + promise);
        var waits = orders.Where(o => o.AcceptedAt is not null).Select(o => (o.AcceptedAt!.Value - o.PackedAt!.Value).TotalMinutes).ToList();
        var collecting = orders.Where(o => o.CollectedAt is not null).Select(o => (o.CollectedAt!.Value - o.PackedAt!.Value).TotalMinutes).ToList();
        return new DayFigures(
            orders.Count,
            delivered.Count,
            minutes.Count == 0 ? 0 : Math.Round(minutes.Average(), 1),
            minutes.Count == 0 ? 0 : Math.Round(minutes[Math.Max(0, (int)Math.Ceiling(0.95 * minutes.Count) - 1)], 1),
            orders.Count == 0 ? 0 : Math.Round(100.0 * onTime / orders.Count, 1),
            waits.Count == 0 ? 0 : Math.Round(waits.Average(), 1),
            delivered.Count == 0 ? 0 : Math.Round(100.0 * delivered.Count(o => o.Batched) / delivered.Count, 1),
            collecting.Count == 0 ? 0 : Math.Round(collecting.Average(), 1));
    }
}

/// <summary>A policy's whole day: the figures overall and at the peaks, the couriers' use (busy share of online time) and kilometres.</summary>
internal sealed record DayResult(string Policy, DayFigures All, DayFigures Peak, double UtilisationPercent, double Km, int Offers, double WallSeconds)
{
    public double KmPerOrder => All.Delivered == 0 ? 0 : Math.Round(Km / All.Delivered, 2);
}
