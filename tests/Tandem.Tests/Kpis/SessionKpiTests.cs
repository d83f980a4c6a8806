using Tandem.Contracts.Kpis;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Kpis;

/// <summary>
/// What shoppers do reaches the city's live KPIs through the sessions' outboxes: a visit per session, a conversion per
/// session that ordered, an impression per settled pick and a click per pick clicked in time; each once. The class has a
/// cluster of its own, so the city's counts are its sessions' alone.
/// </summary>
public sealed class SessionKpiTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Two_hundred_concurrent_sessions_count_a_visit_each_a_conversion_each_that_ordered_and_their_clicks()
    {
        var sku = TestData.NewSku();
        var sessions = Enumerable.Range(0, 200).Select(_ => new SessionId(TestData.NewId("s"))).ToList();
        var at = DateTimeOffset.UtcNow;
        ShopperId Shopper(SessionId s) => new("shopper-" + s.Value);
        ShownPick Pick(int position) => new() { Version = 1, Sku = $"{sku}-{position}", Position = position, Arm = "popular", Segment = "browse", Propensity = 0.5, At = at };

        await Task.WhenAll(sessions.Select(s => Grains.Session(s).RecordEventsAsync(Shopper(s), [new BehaviourEvent { Type = BehaviourType.View, Sku = sku, At = at }])));
        await Task.WhenAll(sessions.Select(s => Grains.Session(s).RecordEventsAsync(Shopper(s), [new BehaviourEvent { Type = BehaviourType.View, Sku = sku, At = at.AddSeconds(3) }])));
        var buyers = sessions.Take(50).ToList();
        await Task.WhenAll(buyers.SelectMany(s => new[] { "o-1", "o-1", "o-2" }.Select(o => Grains.Session(s).OrderPlacedAsync(new OrderId($"{o}-{s.Value}"), [sku], 10m))));
        var clickers = sessions.Skip(100).Take(40).ToList();
        await Task.WhenAll(clickers.Select(s => Grains.Session(s).RecordImpressionsAsync(Shopper(s), [Pick(0), Pick(1)])));
        await Task.WhenAll(clickers.SelectMany(s => new[] { 0, 0 }.Select(_ => Grains.Session(s).RecordPickClickAsync(Shopper(s), 1, $"{sku}-0"))));

        // Facts are sent in a turn of their own after each call: wait until the city has as many as the calls made.
        var report = await Await.UntilAsync(async () => await Grains.Kpi(IKpiGrain.Overall).GetAsync(KpiWindow.Minutes15) is { } r && r.Counts.Values.Sum() >= 330 ? r : null, TimeSpan.FromSeconds(10));

        Assert.Equal(new Dictionary<string, long> { ["visit"] = 200, ["conversion"] = 50, ["impression"] = 40, ["click"] = 40 }, report.Counts);
        Assert.Equal(0.25, report.Indicators.Single(i => i.Name == "conversion").Value);
        Assert.Equal(1.0, report.Indicators.Single(i => i.Name == "recommendationCtr").Value); // the unclicked picks settle when their window passes
    }
}
