namespace Tandem.Brains.Dispatch;

/// <summary>
/// What giving a job to a courier costs, in seconds: the ride to the pickup, the ride from pickup to drop-off, how late
/// the drop-off would be against the promise (weighed by <see cref="CostWeights.Lateness"/>), and the jobs the courier
/// already carries (each <see cref="CostWeights.PerJobCarried"/>). Every part is kept so a decision can say why.
/// </summary>
public sealed record DispatchCost(TimeSpan ToPickup, TimeSpan ToDropoff, TimeSpan Late, double LoadSeconds, double Total);

/// <summary>The weights of the cost: lateness counts <see cref="Lateness"/> times a second of riding; a job already carried adds <see cref="PerJobCarried"/> seconds.</summary>
public sealed record CostWeights(double Lateness = 3, double PerJobCarried = 120)
{
    public DispatchCost Of(DispatchJob job, DispatchCourier courier, DateTimeOffset now, TravelModel travel, bool raining)
    {
        var toPickup = travel.Between(courier.Position, job.Pickup, raining);
        var toDropoff = travel.Between(job.Pickup, job.Dropoff, raining);
        var late = now + toPickup + toDropoff - job.PromisedBy;
        late = late > TimeSpan.Zero ? late : TimeSpan.Zero;
        var load = courier.Load * PerJobCarried;
        return new DispatchCost(toPickup, toDropoff, late, load, toPickup.TotalSeconds + toDropoff.TotalSeconds + (Lateness * late.TotalSeconds) + load);
    }
}
