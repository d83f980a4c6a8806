using Tandem.Brains.Dispatch;

namespace Tandem.Tests.Dispatch;

/// <summary>A courier on the way to a pickup with room takes another order from it only when that is cheaper overall.</summary>
public sealed class BatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TravelModel Travel = new();
    private static readonly Place Store = North(0);

    private static Place North(double km) => new(51.5 + (km / 111.195), -0.1);

    private static TimeSpan Ride(Place a, Place b) => Travel.Between(a, b, raining: false);

    private static DispatchCourier Carrying(string id, Place at, params CarriedJob[] jobs) =>
        new(id, at, jobs.Length, 3) { Carried = jobs };

    [Fact]
    public void An_order_whose_door_is_on_the_way_joins_the_courier_at_the_store()
    {
        // The courier waits at the store with an order for 1 km north; the new order goes 1.2 km north. A free courier
        // is 3 km away. Batched, the new order is collected right after the first (20 s more at the counter) and handed
        // over after the first's door; the first is handed over 20 s later than it would have been.
        var window = new WindowAssignment(Travel, new CostWeights(), TimeSpan.FromHours(1));
        var job = new DispatchJob("new", Store, North(1.2), Now.AddMinutes(45));
        var batched = Carrying("batch", Store, new CarriedJob("first", Store, North(1), Now.AddMinutes(40)));
        var stops = Travel.AtStops;

        var decision = window.Decide([job], [batched, new DispatchCourier("free", North(-3), 0, 2)], Now);

        var assignment = Assert.Single(decision.Assignments);
        Assert.Equal("batch", assignment.Courier.Id);
        var handedOver = stops.Collect + stops.CollectAgain + Ride(Store, North(1)) + stops.HandOver + Ride(North(1), North(1.2)) + stops.HandOver;
        Assert.Equal(handedOver.TotalSeconds, (assignment.Cost.ToPickup + assignment.Cost.ToDropoff).TotalSeconds, 3);
        Assert.Equal(stops.CollectAgain.TotalSeconds, assignment.Cost.DelayToCarried, 3);
        Assert.Equal(120, assignment.Cost.LoadSeconds);
        Assert.Equal(handedOver.TotalSeconds + stops.CollectAgain.TotalSeconds + 120, assignment.Cost.Total, 3);
        Assert.Equal(["batch", "free"], decision.Candidates["new"].Select(c => c.CourierId));
    }

    [Fact]
    public void An_order_the_other_way_goes_to_a_free_courier_nearby_because_the_batch_would_delay_the_first()
    {
        var window = new WindowAssignment(Travel, new CostWeights(), TimeSpan.FromHours(1));
        var job = new DispatchJob("new", Store, North(-3), Now.AddMinutes(45));
        var batched = Carrying("batch", Store, new CarriedJob("first", Store, North(3), Now.AddMinutes(40)));
        var weights = new CostWeights();

        var decision = window.Decide([job], [batched, new DispatchCourier("free", North(0.3), 0, 2)], Now);

        Assert.Equal("free", Assert.Single(decision.Assignments).Courier.Id);
        var asBatch = weights.Of(job, batched, Now, Travel, raining: false);
        var with = weights.Route(batched, [.. batched.Carried, new CarriedJob("new", Store, North(-3), job.PromisedBy)], Now, Travel, raining: false);
        var without = weights.Route(batched, batched.Carried, Now, Travel, raining: false);
        // The batch is charged what it adds to the whole route: the new order's own hand-over and the first's delay.
        Assert.Equal(with.Cost - without.Cost, asBatch.ToPickup.TotalSeconds + asBatch.ToDropoff.TotalSeconds + asBatch.DelayToCarried, 3);
        Assert.Equal(with.Cost - without.Cost + 120, asBatch.Total, 3);
    }

    [Fact]
    public void A_courier_taken_from_a_busy_zone_costs_the_hold_on_top()
    {
        var weights = new CostWeights();
        var job = new DispatchJob("j", North(1), North(2), Now.AddHours(1));
        var courier = new DispatchCourier("c", North(0), 0, 2);

        var free = weights.Of(job, courier, Now, Travel, raining: false);
        var held = weights.Of(job, courier with { HoldSeconds = 300 }, Now, Travel, raining: false);

        Assert.Equal(free.Total + 300, held.Total, 6);
        Assert.Equal(300, held.HoldSeconds);
    }

    [Fact]
    public void Rain_and_the_rush_hour_slow_every_ride_by_their_factors()
    {
        var rush = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero); // 08:00 in London in December
        var calm = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var free = Travel.Between(North(0), North(2), raining: false);

        Assert.True(Travel.IsRushHour(rush));
        Assert.False(Travel.IsRushHour(calm));
        Assert.Equal(free.TotalSeconds, Travel.Between(North(0), North(2), raining: false, calm).TotalSeconds, 6);
        Assert.Equal(free.TotalSeconds / 0.8, Travel.Between(North(0), North(2), raining: true, calm).TotalSeconds, 6);
        Assert.Equal(free.TotalSeconds / (0.8 * 0.85), Travel.Between(North(0), North(2), raining: true, rush).TotalSeconds, 6);
    }
}
