using Tandem.Contracts.Catalog;
using Tandem.Simulator.City;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Simulation;

/// <summary>The simulator brings the demo city to life through the public API and hubs only.</summary>
[Collection(CityCollection.Name)]
public sealed class LivingCityTests(CityFixture city)
{
    [Fact]
    public async Task Shoppers_order_staff_pack_and_couriers_deliver_through_the_public_api()
    {
        var options = new SimulationOptions { Seed = 7, OrdersPerMinute = 30, Couriers = 40, Pace = 60 };
        var simulation = new CitySimulation(options, new Uri(city.BaseUrl), TextWriter.Null);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(40));

        var run = simulation.RunAsync(stop.Token);
        await Await.WithinAsync(run.ContinueWith(_ => true, TaskScheduler.Default), TimeSpan.FromSeconds(60), "the simulation to stop");

        // Expectations follow from the model: 40 s at 60× is 40 simulated minutes at 30 orders a minute.
        var stats = simulation.Stats;
        var nominal = options.OrdersPerMinute * 40;
        var attempts = stats.OrdersPlaced + stats.OrdersRefused;
        Assert.InRange(attempts, 0.5 * nominal, 1.25 * nominal); // the pace holds within the noise of a shared machine
        Assert.InRange(stats.OrdersRefused, 0, 0.2 * attempts); // stock-outs and baskets no one location has whole
        Assert.InRange(stats.Packed, 0.8 * stats.OrdersPlaced, stats.OrdersPlaced); // staff keep up (the last minutes' orders may still wait)
        Assert.InRange(stats.Collected, 0.25 * (1 - ShopperAgent.DeliveryShare) * stats.OrdersPlaced, stats.Packed);
        Assert.InRange(stats.OffersAccepted, 0.7 * (stats.OffersAccepted + stats.OffersDeclined), stats.OffersAccepted + stats.OffersDeclined); // 90 % accept
        Assert.InRange(stats.Delivered, 10, stats.OffersAccepted); // only what a courier took is delivered
        Assert.Equal(0, stats.Errors);
    }

    [Fact]
    public void A_ride_follows_the_street_grid_at_the_distance_asked()
    {
        var from = new GeoPoint { Lat = 51.50, Lon = -0.15 };
        var to = new GeoPoint { Lat = 51.53, Lon = -0.10 };
        var total = Streets.Km(from, to);

        var halfway = Streets.Advance(from, to, total / 2);
        var there = Streets.Advance(from, to, total + 1);

        Assert.Equal(total / 2, Streets.Km(from, halfway), 6);
        Assert.Equal(total / 2, Streets.Km(halfway, to), 6);
        Assert.True(halfway.Lon == from.Lon || halfway.Lat == to.Lat, "a ride first goes along one street, then the other");
        Assert.Equal((to.Lat, to.Lon), (there.Lat, there.Lon));
    }
}
