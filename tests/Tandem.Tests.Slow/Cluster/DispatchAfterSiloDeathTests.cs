using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Cluster;

/// <summary>
/// A silo dies while delivery orders are being packed: whatever its memory streams held is lost, yet every packed
/// order reaches the dispatch queue, its sale the demand count (and the demand facts table) and the live KPIs (and their
/// history table), because the order
/// itself tells the dispatcher and the demand cell (its outbox, retried by its due time in PostgreSQL, which the order
/// sweeper finds), not a stream event.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class DispatchAfterSiloDeathTests
{
    private const int Orders = 100;

    [Fact]
    public async Task Every_delivery_order_packed_around_a_silo_kill_waits_in_the_dispatch_queue_and_its_sale_is_counted_once()
    {
        await using var cluster = await ProcessCluster.CreateAsync();
        await cluster.StartSiloAsync("silo-1");
        var victim = await cluster.StartSiloAsync("silo-2");
        await cluster.StartApiAsync();
        var sku = (await cluster.StockedSkusAsync(1, Orders))[0];
        using var shopper = new HttpClient { BaseAddress = cluster.Http.BaseAddress };
        shopper.DefaultRequestHeaders.Authorization = new("Bearer", cluster.Authority.Issue("shopper", "far-from-couriers"));
        var orderIds = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            // Delivered from the test store in Camden; no courier is registered, so packed orders stay waiting.
            var placed = await shopper.PostJsonAsync("/api/orders", Http.DeliveryOrder("far-web", 51.54, -0.14, (sku, 1)), $"outbox-{i}");
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            orderIds.Add((await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken))!.OrderId);
        }

        var packed = new ConcurrentBag<string>();
        var unanswered = 0;
        var tenPacked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var packing = Task.WhenAll(orderIds.Select(id => Task.Run(async () =>
        {
            // A client retries a pack without a definitive answer (503, no connection) until it gets one.
            while (true)
            {
                try
                {
                    using var response = await cluster.Http.PostAsync(new Uri($"/api/orders/{id}/pack", UriKind.Relative), Http.Json("{}"));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        packed.Add(id);
                        if (packed.Count >= 10)
                        {
                            tenPacked.TrySetResult();
                        }

                        return;
                    }

                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    Interlocked.Increment(ref unanswered);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref unanswered); // the Api lost its gateway for a moment: ask again
                }
            }
        })));
        await Await.WithinAsync(tenPacked.Task.ContinueWith(_ => true, TaskScheduler.Default), TimeSpan.FromSeconds(60), "ten packed orders");
        victim.Kill();
        await packing.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        var grains = await cluster.GrainsAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var waiting = await WaitingAsync(grains, orderIds, TimeSpan.FromSeconds(180));
        TestContext.Current.TestOutputHelper?.WriteLine($"{unanswered} pack requests unanswered around the kill; all queued {waited.Elapsed.TotalSeconds:0.0} s after the last pack");

        Assert.Equal(Orders, packed.Count);
        Assert.Equal(orderIds.Order(StringComparer.Ordinal), waiting.Order(StringComparer.Ordinal));
        // A duty that failed around the kill is retried with a back-off of up to a minute (and the order behind it waits),
        // so on a loaded machine the last sale can be counted more than a minute after the orders were queued.
        var demand = await Await.UntilAsync(
            async () => await grains.Demand(new CellKey(sku, TestData.Camden.Id)).GetAsync() is { } d && d.Days.Sum(x => x.Units) >= Orders ? d : null, TimeSpan.FromSeconds(180));
        Assert.Equal(Orders, demand.Days.Sum(d => d.Units));
        var inTable = await Await.UntilAsync(
            async () => await Postgres.ScalarAsync<long>(cluster.Database.ConnectionString, $"SELECT coalesce(sum(units), 0) FROM tandem_demand_day WHERE sku = '{sku}'") is var n && n >= Orders ? (object)n : null, TimeSpan.FromSeconds(60));
        Assert.Equal((long)Orders, (long)inTable);

        // The placings and packings reached the city's live KPIs through the same outbox, and the KPI grain's minutes its
        // history table (a KPI grain on the killed silo writes all it holds again when it comes back). A count that failed
        // around the kill is retried with the same back-off of up to a minute, then waits for the grain's next save (10 s).
        string? inKpis = null;
        try
        {
            await Await.UntilAsync(
                async () => (inKpis = await Postgres.ScalarAsync<string>(cluster.Database.ConnectionString,
                    "SELECT coalesce(sum(count) FILTER (WHERE measure = 'order'), 0) || '/' || coalesce(sum(count) FILTER (WHERE measure = 'packedBoxes'), 0) FROM tandem_kpi_minute WHERE region = 'all'")) == $"{Orders}/{Orders}" ? inKpis : null,
                TimeSpan.FromSeconds(180));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The city's KPI history held {inKpis} placed/packed orders, not {Orders}/{Orders}, 180 s after the sales were counted.");
        }
    }

    /// <summary>The queued ids among <paramref name="expected"/>, once all are queued or the deadline passes.</summary>
    private static async Task<List<string>> WaitingAsync(IGrainFactory grains, IReadOnlyCollection<string> expected, TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (true)
        {
            try
            {
                var queues = await Task.WhenAll((await grains.ZoneDispatchersAsync()).Select(d => d.GetWaitingAsync()));
                var waiting = queues.SelectMany(q => q).Select(w => w.OrderId).Where(expected.Contains).ToList();
                if (waiting.Count == expected.Count || clock.Elapsed > deadline)
                {
                    return waiting;
                }
            }
            catch (Exception ex) when (ex is TimeoutException or SiloUnavailableException && clock.Elapsed < deadline)
            {
                // a dispatcher was on the dead silo and is not yet known dead: ask again
            }

            await tick.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        }
    }
}
