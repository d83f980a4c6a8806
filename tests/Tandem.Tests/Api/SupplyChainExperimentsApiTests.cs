using System.Net.Http.Json;
using System.Text.Json;

using Tandem.Brains.Experiments;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Lineage;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>
/// Experiments on supply-chain policies, each targeted at a region of the test's own: a dispatch window assigned per zone,
/// a safety-stock service level assigned per store cell. The variant is used where the policy acts (the zone's dispatch
/// decisions, the cell's forecast), the unit's exposure is counted then, and each variant's live indicators come from its
/// own KPI grain, fed by the orders of its zones and by the stock census.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SupplyChainExperimentsApiTests(ApiFixture api)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int VariantOf(string experimentId, string unitId, params string[] variants) =>
        Assignment.Assign(experimentId, unitId, [.. variants.Select(v => new Variant(v, 1))], 1);

    private static async Task<JsonElement> ResultsAsync(HttpClient ops, string id) =>
        JsonDocument.Parse(await ops.GetStringAsync(new Uri($"/api/experiments/{id}", UriKind.Relative), Cancel)).RootElement.GetProperty("results").Clone();

    /// <summary>The results once <paramref name="ready"/> holds of them, within <paramref name="within"/>.</summary>
    private static async Task<JsonElement> ResultsWhenAsync(HttpClient ops, string id, Func<JsonElement, bool> ready, TimeSpan within) =>
        (await Await.UntilAsync(async () => await ResultsAsync(ops, id) is var r && ready(r) ? new[] { r } : null, within))[0];

    private static JsonElement Kpi(JsonElement results, int variant, string name) =>
        results.GetProperty("variants")[variant].GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("name").GetString() == name);

    [Fact]
    public async Task A_zone_in_a_dispatch_window_experiment_dispatches_with_its_variant_s_window_and_its_orders_count_in_that_variant()
    {
        var store = TestData.RemoteStore("t-torquay", "Test store Torquay", 50.4619, -3.5253);
        var door = new GeoPoint { Lat = 50.4650, Lon = -3.5300 };
        var region = new DispatchOptions().ZoneOf(store.Position);
        var sku = await TestData.StockedAtAsync(api.Grains, store, 1);
        using var ops = api.Ops();
        var id = TestData.NewId("exp");
        var body = JsonSerializer.Serialize(new
        {
            id, name = "Dispatch window", hypothesis = "A longer window batches more without making deliveries late",
            variants = new[] { new { name = "short", settings = new { dispatchWindowSeconds = 2 } }, new { name = "long", settings = new { dispatchWindowSeconds = 30 } } },
            regions = new[] { region },
        });
        (await ops.PostJsonAsync("/api/experiments", body)).EnsureSuccessStatusCode();
        (await ops.PostJsonAsync($"/api/experiments/{id}/start", "")).EnsureSuccessStatusCode();
        await using var running = new StoppedAtTheEnd(ops, id); // its zones and cells take the product's settings again after the test
        var variant = VariantOf(id, region, "short", "long");

        var shopperId = TestData.NewId("shopper");
        using var shopper = api.ClientAs("shopper", shopperId);
        using var placed = await shopper.PostJsonAsync("/api/orders", Http.DeliveryOrder(TestData.NewId("session"), door.Lat, door.Lon, (sku, 1)), TestData.NewId("k"));
        var orderId = (await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, Cancel))!.OrderId;
        (await ops.PostJsonAsync($"/api/orders/{orderId}/pack", "{}")).EnsureSuccessStatusCode();
        // No courier yet: the zone's windows find nobody, and the first after the silo read the experiment exposes the zone.
        var exposed = await ResultsWhenAsync(ops, id, r => r.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("exposed").EnumerateArray().Sum(e => e.GetInt64()) == 1), TimeSpan.FromSeconds(15));
        var rider = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(rider)).RegisterAsync("Rider", 2, new GeoPoint { Lat = door.Lat + 0.001, Lon = door.Lon }, CourierStatus.Idle);
        var decision = await Await.UntilAsync(async () => await api.Grains.DispatchRecord(new OrderId(orderId)).GetAsync() is { Count: > 0 } record ? record[0] : null, TimeSpan.FromSeconds(20));
        using var riderClient = api.ClientAs("courier", rider);
        (await riderClient.PostJsonAsync($"/api/couriers/{rider}/offers/{orderId}/accept", "{}")).EnsureSuccessStatusCode();
        (await riderClient.PostJsonAsync($"/api/orders/{orderId}/picked-up", "{}")).EnsureSuccessStatusCode();
        (await riderClient.PostJsonAsync($"/api/orders/{orderId}/delivered", "{}")).EnsureSuccessStatusCode();
        var results = await ResultsWhenAsync(ops, id, r => Kpi(r, variant, "onTime").GetProperty("denominator").GetDouble() == 1
            && r.GetProperty("units")[0].GetProperty("observed").EnumerateArray().Sum(o => o.GetInt64()) == 1, TimeSpan.FromSeconds(15));

        var units = Assert.Single(exposed.GetProperty("units").EnumerateArray());
        Assert.Equal("region", units.GetProperty("unit").GetString());
        Assert.Equal(variant == 0 ? new[] { 1L, 0L } : [0L, 1L], units.GetProperty("exposed").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal($"{id}:{(variant == 0 ? "short" : "long")}", decision!.Experiment);
        Assert.True(decision.WindowSeconds <= (variant == 0 ? 2 : 30), $"window of {decision.WindowSeconds} s");
        // Counted from the delivery (the placing may have been counted before the silo read the experiment, within its refresh).
        Assert.Equal((1.0, 1.0), (Kpi(results, variant, "onTime").GetProperty("value").GetDouble(), Kpi(results, variant, "deliveryMinutes").GetProperty("denominator").GetDouble()));
        Assert.Equal(0.0, Kpi(results, 1 - variant, "onTime").GetProperty("denominator").GetDouble()); // the other variant has no zone here
        // The delivery is an observation of its zone too: one zone is too few to compare, so no interval yet.
        var zones = results.GetProperty("units")[0];
        Assert.Equal("onTime", zones.GetProperty("outcome").GetString());
        Assert.Equal(variant == 0 ? new[] { 1L, 0L } : [0L, 1L], zones.GetProperty("observed").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(variant == 0 ? new[] { 1.0, 0.0 } : [0.0, 1.0], zones.GetProperty("shares").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(JsonValueKind.Null, zones.GetProperty("shareChange")[1].ValueKind);
        var guardrails = results.GetProperty("variants")[1].GetProperty("guardrails").EnumerateArray().ToList();
        Assert.Equal(["onTime", "deliveryMinutes"], guardrails.Select(g => g.GetProperty("indicator").GetString()));
        Assert.All(guardrails, g => Assert.False(g.GetProperty("breached").GetBoolean())); // one delivery: too few to read
        Assert.Empty(results.GetProperty("variants")[0].GetProperty("guardrails").EnumerateArray());
        var lineage = await ops.GetFromJsonAsync<LineageGraph>($"/api/lineage/dispatch:{orderId}", ApiFixture.Json, Cancel);
        Assert.Equal([$"dispatch:{orderId}", $"order:{orderId}", $"courier:{rider}"], lineage!.Nodes.Select(n => n.Id).Take(3));
        Assert.Equal(("least-cost dispatch window", decision.Experiment, region), (lineage.Nodes[0].Model, lineage.Nodes[0].Version, lineage.Nodes[0].Facts["zone"]));
    }

    [Fact]
    public async Task The_dispatch_map_shows_the_window_a_zone_uses_under_its_variant_not_the_product_s()
    {
        var store = TestData.RemoteStore("t-exeter", "Test store Exeter", 50.7184, -3.5339);
        var region = new DispatchOptions().ZoneOf(store.Position);
        var sku = await TestData.StockedAtAsync(api.Grains, store, 2);
        using var ops = api.Ops();
        var id = TestData.NewId("exp");
        var body = JsonSerializer.Serialize(new
        {
            id, name = "Long windows", // both variants 30 s: whichever the zone is in, its window grows to 30 s
            variants = new[] { new { name = "a", settings = new { dispatchWindowSeconds = 30 } }, new { name = "b", settings = new { dispatchWindowSeconds = 30 } } },
            regions = new[] { region },
        });
        (await ops.PostJsonAsync("/api/experiments", body)).EnsureSuccessStatusCode();
        (await ops.PostJsonAsync($"/api/experiments/{id}/start", "")).EnsureSuccessStatusCode();
        await using var running = new StoppedAtTheEnd(ops, id);
        using var shopper = api.ClientAs("shopper", TestData.NewId("shopper"));
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var placed = await shopper.PostJsonAsync("/api/orders", Http.DeliveryOrder(TestData.NewId("session"), 50.7200, -3.5300, (sku, 1)), TestData.NewId("k"));
            var orderId = (await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, Cancel))!.OrderId;
            (await ops.PostJsonAsync($"/api/orders/{orderId}/pack", "{}")).EnsureSuccessStatusCode();
        }

        // No courier: both orders wait. Once the zone is in the experiment, its windows grow towards 30 s, not 5 s.
        await ResultsWhenAsync(ops, id, r => r.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("exposed").EnumerateArray().Sum(e => e.GetInt64()) == 1), TimeSpan.FromSeconds(15));
        var expected = Math.Round(new DispatchOptions().WindowFor(2, TimeSpan.FromSeconds(30)).TotalSeconds, 2);
        var shown = await Await.UntilAsync(async () => (await api.Grains.DispatchMap().GetReportsAsync()).FirstOrDefault(r => r.Zone == region && r.Waiting == 2 && r.WindowSeconds == expected), TimeSpan.FromSeconds(20));

        Assert.Equal(2.0, expected); // 1 s for one order, up by 29 s over the 29 orders to 30 (5 s: 1.14)
        Assert.Equal(expected, shown!.WindowSeconds);
    }

    [Fact]
    public async Task Store_cells_in_a_service_level_experiment_get_their_variant_s_safety_stock_and_the_census_counts_each_variant_apart()
    {
        var store = TestData.RemoteStore("t-plymouth", "Test store Plymouth", 50.3755, -4.1427);
        var region = new DispatchOptions().ZoneOf(store.Position);
        var stocked = new[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        var skus = new List<string>();
        foreach (var units in stocked)
        {
            skus.Add(await TestData.StockedAtAsync(api.Grains, store, units));
        }

        foreach (var sku in skus.Take(3)) // three cells with nothing left to sell
        {
            var snapshot = await api.Grains.Cell(new CellKey(sku, store.Id)).GetSnapshotAsync();
            Assert.Equal(CellOutcome.Applied, (await api.Grains.Cell(new CellKey(sku, store.Id)).ReserveAsync(TestData.NewId("hold"), snapshot.OnHand, TimeSpan.FromHours(1))).Outcome);
        }

        var cells = skus.Select(s => new CellKey(s, store.Id)).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var cell in cells)
        {
            await api.Grains.Demand(cell).SeedAsync([.. Enumerable.Range(1, 60).Select(back => new DemandDay { Day = today.AddDays(-back), Units = 1 + (back % 3), Revenue = 20m })]);
        }

        using var ops = api.Ops();
        var id = TestData.NewId("exp");
        var body = JsonSerializer.Serialize(new
        {
            id, name = "Service level", variants = new[] { new { name = "p90", settings = new { serviceLevel = 0.9 } }, new { name = "p99", settings = new { serviceLevel = 0.99 } } },
            regions = new[] { region },
        });
        (await ops.PostJsonAsync("/api/experiments", body)).EnsureSuccessStatusCode();
        (await ops.PostJsonAsync($"/api/experiments/{id}/start", "")).EnsureSuccessStatusCode();
        await using var running = new StoppedAtTheEnd(ops, id); // its zones and cells take the product's settings again after the test
        var variants = cells.Select(c => VariantOf(id, c.ToString(), "p90", "p99")).ToList();

        // A round reads the running experiments as its silo knows them: the first round after the silo read this one uses it.
        await Await.UntilAsync(async () =>
        {
            await api.Grains.ForecastPlanner().ChangedManyAsync([.. cells.Select(c => c.ToString())]);
            await api.Grains.ForecastPlanner().RunAsync();
            return (await api.Grains.Forecast(cells[0]).GetAsync())?.Stock?.Experiment;
        }, TimeSpan.FromSeconds(60));
        await api.Grains.StockCensus().TakeAsync();
        var results = await ResultsAsync(ops, id);

        for (var i = 0; i < cells.Count; i++)
        {
            var advice = (await api.Grains.Forecast(cells[i]).GetAsync())!.Stock!;
            Assert.Equal((variants[i] == 0 ? 0.9 : 0.99, $"{id}:{(variants[i] == 0 ? "p90" : "p99")}"), (advice.ServiceLevel, advice.Experiment));
        }

        var exposed = Assert.Single(results.GetProperty("units").EnumerateArray());
        Assert.Equal("cell", exposed.GetProperty("unit").GetString());
        Assert.Equal([variants.Count(v => v == 0), variants.Count(v => v == 1)], exposed.GetProperty("exposed").EnumerateArray().Select(e => e.GetInt32()));
        for (var v = 0; v < 2; v++)
        {
            var mine = Enumerable.Range(0, cells.Count).Where(i => variants[i] == v).ToList();
            var stockOut = Kpi(results, v, "stockOutRate");
            var turnover = Kpi(results, v, "inventoryTurnover");
            Assert.Equal((double)mine.Count(i => i < 3) / Math.Max(1, mine.Count), mine.Count == 0 ? 0 : stockOut.GetProperty("value").GetDouble(), 9);
            Assert.Equal(mine.Sum(i => stocked[i]), turnover.GetProperty("denominator").GetDouble()); // the same units at every census since the start
        }

        // The census taken after every exposure is an observation of each cell in its variant: in stock unless emptied above.
        // (A census by the timer between two exposures may weigh one cell more than another, so mixed shares are bounded.)
        Assert.Equal("inStock", exposed.GetProperty("outcome").GetString());
        var observed = exposed.GetProperty("observed").EnumerateArray().Select(o => o.GetInt64()).ToList();
        var shares = exposed.GetProperty("shares").EnumerateArray().Select(o => o.GetDouble()).ToList();
        for (var v = 0; v < 2; v++)
        {
            var mine = Enumerable.Range(0, cells.Count).Where(i => variants[i] == v).ToList();
            Assert.True(observed[v] >= mine.Count, $"variant {v}: {observed[v]} observations of {mine.Count} cells");
            if (mine.Count == 0)
            {
                continue;
            }

            if (mine.All(i => i >= 3) || mine.All(i => i < 3))
            {
                Assert.Equal(mine.All(i => i >= 3) ? 1.0 : 0.0, shares[v]);
            }
            else
            {
                Assert.InRange(shares[v], 0.01, 0.99);
            }
        }
    }

    [Fact]
    public async Task A_combined_experiment_crosses_a_session_s_layout_with_its_zone_s_dispatch_window_each_hashed_on_its_own()
    {
        var store = TestData.RemoteStore("t-salisbury", "Test store Salisbury", 51.0688, -1.7945);
        var door = new GeoPoint { Lat = 51.0700, Lon = -1.7990 };
        var region = new DispatchOptions().ZoneOf(store.Position);
        var sku = await TestData.StockedAtAsync(api.Grains, store, 1);
        using var ops = api.Ops();
        var id = TestData.NewId("exp");
        var body = JsonSerializer.Serialize(new
        {
            id, name = "Picks first with a longer window",
            variants = new[]
            {
                new { name = "standard-short", settings = new { layout = "standard", dispatchWindowSeconds = 2 } },
                new { name = "picks-first-long", settings = new { layout = "picks-first", dispatchWindowSeconds = 30 } },
            },
            regions = new[] { region },
        });
        (await ops.PostJsonAsync("/api/experiments", body)).EnsureSuccessStatusCode();
        (await ops.PostJsonAsync($"/api/experiments/{id}/start", "")).EnsureSuccessStatusCode();
        try
        {
            var shopperId = TestData.NewId("shopper");
            var view = new BehaviourEvent { Type = BehaviourType.View, Sku = sku, At = DateTimeOffset.UtcNow };
            // A session near the store is in its region (the place sent with its first behaviour); the silo reads the running
            // experiments every 200 ms and the locations within a second here: a new session each try until its layout comes
            // from this experiment.
            var (sessionId, layout) = await Await.UntilAsync(async () =>
            {
                var candidate = TestData.NewId("session");
                await api.Grains.Session(new SessionId(candidate)).RecordEventsAsync(new ShopperId(shopperId), [view], door);
                return await api.Grains.Session(new SessionId(candidate)).ChooseLayoutAsync(new ShopperId(shopperId)) is { Experiment: { } tag } choice && tag.StartsWith(id, StringComparison.Ordinal) ? Tuple.Create(candidate, choice) : null;
            }, TimeSpan.FromSeconds(10));
            // Sessions elsewhere, or that gave no place, are not in the experiment: the shop's own layout, untagged.
            var elsewhere = await Task.WhenAll(new GeoPoint?[] { new() { Lat = 51.5308, Lon = -0.1238 }, null }.Select(async place =>
            {
                var other = api.Grains.Session(new SessionId(TestData.NewId("session")));
                await other.RecordEventsAsync(new ShopperId(shopperId), [view], place);
                return await other.ChooseLayoutAsync(new ShopperId(shopperId));
            }));
            Assert.All(elsewhere, choice => Assert.Equal(("standard", (string?)null), (choice!.Layout, choice.Experiment)));
            using var shopper = api.ClientAs("shopper", shopperId);
            using var placed = await shopper.PostJsonAsync("/api/orders", Http.DeliveryOrder(sessionId, door.Lat, door.Lon, (sku, 1)), TestData.NewId("k"));
            placed.EnsureSuccessStatusCode();
            var orderId = (await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, Cancel))!.OrderId;
            (await ops.PostJsonAsync($"/api/orders/{orderId}/pack", "{}")).EnsureSuccessStatusCode();
            var sessionVariant = VariantOf(id, sessionId, "standard-short", "picks-first-long");
            var zoneVariant = VariantOf(id, region, "standard-short", "picks-first-long");

            var results = await ResultsWhenAsync(ops, id, r =>
                r.GetProperty("variants")[sessionVariant].GetProperty("converted").GetInt32() == 1
                && r.GetProperty("units")[0].GetProperty("exposed")[zoneVariant].GetInt64() == 1
                && Kpi(r, zoneVariant, "orders").GetProperty("value").GetDouble() == 1, TimeSpan.FromSeconds(20));

            Assert.Equal((sessionVariant == 0 ? "standard" : "picks-first", $"{id}:{(sessionVariant == 0 ? "standard-short" : "picks-first-long")}"), (layout.Layout, layout.Experiment));
            Assert.Equal([sessionVariant == 0 ? 1 : 0, sessionVariant == 1 ? 1 : 0], results.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("exposed").GetInt32())); // the session, by its own hash
            Assert.Equal([zoneVariant == 0 ? 1L : 0L, zoneVariant == 1 ? 1L : 0L], results.GetProperty("units")[0].GetProperty("exposed").EnumerateArray().Select(e => e.GetInt64())); // the zone, by its own
            Assert.Equal(0.0, Kpi(results, 1 - zoneVariant, "orders").GetProperty("value").GetDouble()); // the order counts where its zone is, whatever its session met
        }
        finally
        {
            await ops.PostJsonAsync($"/api/experiments/{id}/stop", "");
        }
    }

    /// <summary>Stops an experiment when disposed.</summary>
    private sealed class StoppedAtTheEnd(HttpClient ops, string id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => (await ops.PostJsonAsync($"/api/experiments/{id}/stop", "")).Dispose();
    }
}
