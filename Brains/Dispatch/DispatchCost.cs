namespace Tandem.Brains.Dispatch;

/// <summary>
/// What giving a job to a courier costs, in seconds: the time until the courier reaches the pickup, from there until the
/// order is handed over at the door (collecting it, the ride, the stops of a batch on the way, handing it over), how late
/// the hand-over would be against the promise (weighed by <see cref="CostWeights.Lateness"/>), the jobs the courier
/// already carries (each <see cref="CostWeights.PerJobCarried"/>), the delay the job adds to those jobs' drop-offs (with
/// their lateness weighed), and what taking the courier from a busier zone costs. Every part is kept so a decision can say why.
/// </summary>
public sealed record DispatchCost(TimeSpan ToPickup, TimeSpan ToDropoff, TimeSpan Late, double LoadSeconds, double Total)
{
    /// <summary>What the job adds to the drop-offs of the jobs the courier carries (their arrivals and weighed lateness).</summary>
    public double DelayToCarried { get; init; }

    public double HoldSeconds { get; init; }
}

/// <summary>The weights of the cost: lateness counts <see cref="Lateness"/> times a second of riding; a job already carried adds <see cref="PerJobCarried"/> seconds.</summary>
public sealed record CostWeights(double Lateness = 3, double PerJobCarried = 120)
{
    /// <summary>
    /// The job's cost with the courier at <paramref name="now"/> (rides slowed by rain and the rush hour). A courier who
    /// carries jobs has their stops planned again with this one (<see cref="StopPlanner"/>): the job is charged the whole
    /// route's extra cost, so a batch wins only when it is cheaper than a courier of its own.
    /// </summary>
    public DispatchCost Of(DispatchJob job, DispatchCourier courier, DateTimeOffset now, TravelModel travel, bool raining) =>
        Of(job, courier, now, travel, travel.SpeedFactor(raining, now));

    /// <summary>
    /// The job's cost with the courier at <paramref name="now"/>, riding at <paramref name="speedFactor"/> times the
    /// free-flowing speed; <paramref name="jobRide"/> is the ride from the job's pickup to its door, when known.
    /// </summary>
    public DispatchCost Of(DispatchJob job, DispatchCourier courier, DateTimeOffset now, TravelModel travel, double speedFactor, TimeSpan? jobRide = null)
    {
        var load = courier.Load * PerJobCarried;
        if (courier.Carried.Count == 0)
        {
            var (toPickup, toDropoff, late, total) = Alone(job, courier, now, travel, speedFactor, jobRide ?? travel.Between(job.Pickup, job.Dropoff, speedFactor));
            return new DispatchCost(toPickup, toDropoff, late, load, total) { HoldSeconds = courier.HoldSeconds };
        }

        var without = Route(courier, courier.Carried, now, travel, speedFactor);
        var with = Route(courier, [.. courier.Carried, new CarriedJob(job.Id, job.Pickup, job.Dropoff, job.PromisedBy)], now, travel, speedFactor);
        var pickup = with.Pickup(job.Id)!.Arrival;
        var dropoff = with.Dropoff(job.Id).Arrival + travel.AtStops.HandOver;
        var own = Positive(now + dropoff - job.PromisedBy);
        var added = with.Cost - without.Cost;
        var delay = added - dropoff.TotalSeconds - (Lateness * own.TotalSeconds);
        return new DispatchCost(pickup, dropoff - pickup, own, load, added + load + courier.HoldSeconds)
        {
            DelayToCarried = delay, HoldSeconds = courier.HoldSeconds,
        };
    }

    /// <summary>
    /// The total of <see cref="Of(DispatchJob, DispatchCourier, DateTimeOffset, TravelModel, double, TimeSpan?)"/> and the
    /// time to the pickup for a courier who carries nothing, without building the cost: a window weighs every pair this way.
    /// </summary>
    public (double Total, TimeSpan ToPickup) Quick(DispatchJob job, DispatchCourier courier, DateTimeOffset now, TravelModel travel, double speedFactor, TimeSpan jobRide)
    {
        var cost = Alone(job, courier, now, travel, speedFactor, jobRide);
        return (cost.Total, cost.ToPickup);
    }

    /// <summary>The job with a courier who carries nothing else: ride there, collect, ride on, hand over.</summary>
    private (TimeSpan ToPickup, TimeSpan ToDropoff, TimeSpan Late, double Total) Alone(
        DispatchJob job, DispatchCourier courier, DateTimeOffset now, TravelModel travel, double speedFactor, TimeSpan jobRide)
    {
        var toPickup = travel.Between(courier.Position, job.Pickup, speedFactor);
        var toDropoff = travel.AtStops.Collect + jobRide + travel.AtStops.HandOver;
        var late = Positive(now + toPickup + toDropoff - job.PromisedBy);
        return (toPickup, toDropoff, late, toPickup.TotalSeconds + toDropoff.TotalSeconds + (Lateness * late.TotalSeconds) + (courier.Load * PerJobCarried) + courier.HoldSeconds);
    }

    /// <summary>The courier's stops, in the best order, for <paramref name="jobs"/>.</summary>
    public StopPlan Route(DispatchCourier courier, IReadOnlyList<CarriedJob> jobs, DateTimeOffset now, TravelModel travel, bool raining) =>
        Route(courier, jobs, now, travel, travel.SpeedFactor(raining, now));

    public StopPlan Route(DispatchCourier courier, IReadOnlyList<CarriedJob> jobs, DateTimeOffset now, TravelModel travel, double speedFactor) =>
        StopPlanner.Plan(courier.Position, jobs, now, (a, b) => travel.Between(a, b, speedFactor), Lateness, travel.AtStops);

    private static TimeSpan Positive(TimeSpan t) => t > TimeSpan.Zero ? t : TimeSpan.Zero;
}
