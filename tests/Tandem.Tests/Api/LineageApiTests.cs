using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Tandem.Contracts.Experiments;
using Tandem.Contracts.Lineage;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>
/// A decision walked back to what caused it: a store cell's forecast ← its sales history ← the order counted in it ← the
/// session it was placed in; the order's packing ← the order. Each node says what it decided, with which model, on which
/// figures.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LineageApiTests(ApiFixture api)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_forecast_walks_back_to_the_sales_history_the_order_in_it_and_the_session_it_was_placed_in()
    {
        var store = TestData.RemoteStore("t-bristol", "Test store Bristol", 51.4545, -2.5879);
        var sku = await TestData.StockedAtAsync(api.Grains, store, 5);
        var cell = new CellKey(sku, store.Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await api.Grains.Demand(cell).SeedAsync([.. Enumerable.Range(1, 60).Select(back => new DemandDay { Day = today.AddDays(-back), Units = 1 + (back % 2), Revenue = 15m })]);
        var sessionId = TestData.NewId("session");
        using var shopper = api.ClientAs("shopper", TestData.NewId("shopper"));
        using var ops = api.Ops();
        using var placed = await shopper.PostJsonAsync("/api/orders", Http.PickupOrder(sessionId, store.Id, (sku, 2)), TestData.NewId("k"));
        var orderId = (await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, Cancel))!.OrderId;
        (await ops.PostJsonAsync($"/api/orders/{orderId}/pack", "{}")).EnsureSuccessStatusCode(); // packed: the sale is counted
        await Await.UntilAsync(async () => (await api.Grains.Demand(cell).GetSourcesAsync(10)).Ids.Count > 0 ? "counted" : null, TimeSpan.FromSeconds(10));
        await api.Grains.ForecastPlanner().ChangedManyAsync([cell.ToString()]);
        await api.Grains.ForecastPlanner().RunAsync();

        var runId = (await api.Grains.Forecast(cell).GetAsync())!.RunId;
        var forecast = await ops.GetFromJsonAsync<LineageGraph>($"/api/lineage/forecast:{cell}", ApiFixture.Json, Cancel);
        var packing = await ops.GetFromJsonAsync<LineageGraph>($"/api/lineage/packing:{orderId}", ApiFixture.Json, Cancel);
        using var runs = JsonDocument.Parse(await ops.GetStringAsync(new Uri("/api/lineage/runs", UriKind.Relative), Cancel));

        Assert.Equal([$"forecast:{cell}", $"demand:{cell}", $"run:{runId}", $"order:{orderId}", $"session:{sessionId}"], forecast!.Nodes.Select(n => n.Id));
        Assert.Equal((false, 0), (forecast.Truncated, forecast.Unresolved.Count));
        var (made, sales, round, order, session) = (forecast.Nodes[0], forecast.Nodes[1], forecast.Nodes[2], forecast.Nodes[3], forecast.Nodes[4]);
        Assert.Equal([new LineageInput($"demand:{cell}", "sales history"), new LineageInput($"run:{runId}", "made in round")], made.Inputs);
        Assert.Equal("tandem/forecast-round", round.Facts["job"]);
        Assert.StartsWith(round.Model!, made.Model, StringComparison.Ordinal); // the round's model, with the signals the forecast read
        Assert.False(string.IsNullOrEmpty(made.Model)); // the served model's version
        Assert.Equal("0.95", made.Facts["service level"]);
        Assert.Equal([new LineageInput($"order:{orderId}", "a sale or return counted")], sales.Inputs);
        Assert.Equal(0, sales.MoreInputs);
        Assert.Equal(("61", "92"), (sales.Facts["days"], sales.Facts["units"])); // 60 seeded days of 1 or 2 units, and today's 2
        Assert.Equal($"2 × {sku} from {store.Id}", order.Facts["lines"]);
        Assert.Equal([new LineageInput($"session:{sessionId}", "placed in")], order.Inputs);
        Assert.Empty(session.Inputs);
        Assert.Equal([$"packing:{orderId}", $"order:{orderId}", $"session:{sessionId}"], packing!.Nodes.Select(n => n.Id));
        Assert.False(string.IsNullOrEmpty(packing.Nodes[0].Model)); // the packing algorithm
        var events = runs.RootElement.EnumerateArray().Where(e => e.GetProperty("run").GetProperty("runId").GetString() == runId).ToList();
        Assert.Equal(["START", "COMPLETE"], events.Select(e => e.GetProperty("eventType").GetString()));
        Assert.All(events, e =>
        {
            Assert.Equal(("tandem", "forecast-round"), (e.GetProperty("job").GetProperty("namespace").GetString(), e.GetProperty("job").GetProperty("name").GetString()));
            Assert.Equal("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent", e.GetProperty("schemaURL").GetString());
            Assert.Equal(round.Model, e.GetProperty("run").GetProperty("facets").GetProperty("tandem_run").GetProperty("model").GetString());
            Assert.Contains(e.GetProperty("inputs").EnumerateArray(), d => d.GetProperty("name").GetString() == "demand");
        });
        Assert.Contains(events[1].GetProperty("outputs").EnumerateArray(), d => d.GetProperty("name").GetString() == "forecasts");
        Assert.True(events[1].GetProperty("eventTime").GetDateTimeOffset() >= events[0].GetProperty("eventTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_session_s_picks_walk_back_to_its_behaviour_and_name_each_pick_s_strategy_and_an_experiment_reads_as_defined()
    {
        var (cot, lamp) = (TestData.NewSku(), TestData.NewSku());
        await api.Grains.Catalog().UpsertAsync([TestData.Product(cot) with { SceneTags = [] }, TestData.Product(lamp) with { SceneTags = [] }], []);
        var session = new SessionId(TestData.NewId("session"));
        var at = DateTimeOffset.UtcNow;
        await api.Grains.Session(session).RecordEventsAsync(new ShopperId(TestData.NewId("shopper")),
            [new BehaviourEvent { Type = BehaviourType.View, Sku = cot, At = at }, new BehaviourEvent { Type = BehaviourType.View, Sku = lamp, At = at.AddSeconds(5) }]);
        var version = (await api.Grains.Session(session).GetAsync()).Version;
        var list = await Await.UntilAsync(async () => await api.Grains.Recommender(session).GetAsync(session) is { } l && l.Version == version ? l : null, TimeSpan.FromSeconds(10));
        var experiment = TestData.NewId("exp");
        await api.Grains.Experiment(experiment).CreateAsync(new ExperimentDefinition
        {
            Id = experiment, Name = "Richer coupons", Hypothesis = "more shoppers take the coupon",
            Variants = [new VariantDefinition { Name = "ten", Settings = new() { CouponUplift = 0.1m } }, new VariantDefinition { Name = "thirty", Weight = 2, Settings = new() { CouponUplift = 0.3m } }],
        }, "ops:ann");
        using var ops = api.Ops();

        var latest = await ops.GetFromJsonAsync<LineageGraph>($"/api/lineage/picks:{session.Value}", ApiFixture.Json, Cancel);
        var made = await ops.GetFromJsonAsync<LineageGraph>($"/api/lineage/picks:{session.Value}@{version}", ApiFixture.Json, Cancel);
        using var older = await ops.GetAsync($"/api/lineage/picks:{session.Value}@{version + 5}", Cancel);
        using var zero = await ops.GetAsync($"/api/lineage/picks:{session.Value}@0", Cancel);
        var defined = await ops.GetFromJsonAsync<LineageGraph>($"/api/lineage/experiment:{experiment}", ApiFixture.Json, Cancel);

        Assert.Equal([$"picks:{session.Value}@{version}", $"session:{session.Value}"], made!.Nodes.Select(n => n.Id));
        Assert.Equal([$"picks:{session.Value}", $"session:{session.Value}"], latest!.Nodes.Select(n => n.Id));
        var picks = made.Nodes[0];
        Assert.Equal((list.Policy, list.Experiments.Count == 0 ? "the product's" : string.Join(", ", list.Experiments)), (picks.Model, picks.Version));
        Assert.Equal($"{list.Items.Count} picks for session {session.Value}, {list.Policy} in the browse segment", picks.Summary);
        Assert.Equal(list.Items.Select(i => $"{i.Sku} by {i.Arm}"), picks.Facts["picks"].Split(" | ").Select(p => p[..p.IndexOf(" (", StringComparison.Ordinal)]));
        Assert.Equal((version.ToString(System.Globalization.CultureInfo.InvariantCulture), "browse"), (picks.Facts["list version"], picks.Facts["segment"]));
        Assert.Equal(new LineageInput($"session:{session.Value}", "the behaviour it was made from"), picks.Inputs[0]);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (older.StatusCode, zero.StatusCode));
        var node = defined!.Nodes.Single();
        Assert.Equal(("Experiment Richer coupons: 2 variants, Draft — more shoppers take the coupon", "weight 1: coupon uplift 0.1", "weight 2: coupon uplift 0.3", "Draft"),
            (node.Summary, node.Facts["variant ten"], node.Facts["variant thirty"], node.Facts["status"]));
    }

    [Fact]
    public async Task An_unknown_decision_is_a_404_and_a_malformed_id_a_400_naming_the_kinds()
    {
        using var ops = api.Ops();

        using var unknown = await ops.GetAsync($"/api/lineage/order:{TestData.NewId("o")}", Cancel);
        using var unknownForecast = await ops.GetAsync($"/api/lineage/forecast:{TestData.NewSku()}@st-camden", Cancel);
        using var kind = await ops.GetAsync("/api/lineage/horoscope:today", Cancel);
        using var noKey = await ops.GetAsync("/api/lineage/order:", Cancel);
        using var badCell = await ops.GetAsync("/api/lineage/forecast:no-cell", Cancel);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, unknownForecast.StatusCode));
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (kind.StatusCode, noKey.StatusCode, badCell.StatusCode));
        Assert.Contains("courier, demand, dispatch, experiment, forecast, order, packing, picks, promotion, return-grade, run, session, slow-mover, suggestion", await kind.Content.ReadAsStringAsync(Cancel));
    }
}
