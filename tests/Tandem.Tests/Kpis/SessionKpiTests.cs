using Tandem.Contracts.Catalog;
using Tandem.Contracts.Kpis;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Kpis;

/// <summary>
/// What shoppers do reaches the live KPIs through the sessions' outboxes: a visit per session, a conversion per
/// session that ordered, an impression per settled pick and a click per pick clicked in time; each once, in the city and
/// in the region of the location nearest the place the session's first behaviour was sent for. The class has a cluster
/// of its own, so the city's counts are its sessions' alone.
/// </summary>
public sealed class SessionKpiTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Two_hundred_concurrent_sessions_count_a_visit_each_a_conversion_each_that_ordered_and_their_clicks_in_the_city_and_their_region()
    {
        // Two stores of their own far apart, each alone in its zone; a session is near one, near the other, or gives no place.
        var (north, south) = (TestData.RemoteStore("t-inverness", "Test store Inverness", 57.4778, -4.2247), TestData.RemoteStore("t-perth", "Test store Perth", 56.3950, -3.4308));
        await Grains.Catalog().UpsertAsync([], [north, south]);
        var (northZone, southZone) = (new DispatchOptions().ZoneOf(north.Position), new DispatchOptions().ZoneOf(south.Position));
        Assert.NotEqual(northZone, southZone);
        var nearNorth = new GeoPoint { Lat = 57.47, Lon = -4.20 };
        var nearSouth = new GeoPoint { Lat = 56.41, Lon = -3.45 };
        var sku = TestData.NewSku();
        var sessions = Enumerable.Range(0, 200).Select(i => (Id: new SessionId(TestData.NewId("s")), Place: i < 80 ? nearNorth : i < 140 ? nearSouth : null, Index: i)).ToList();
        var at = DateTimeOffset.UtcNow;
        ShopperId Shopper(SessionId s) => new("shopper-" + s.Value);
        ShownPick Pick(int position) => new() { Version = 1, Sku = $"{sku}-{position}", Position = position, Arm = "popular", Segment = "browse", Propensity = 0.5, At = at };

        await Task.WhenAll(sessions.Select(s => Grains.Session(s.Id).RecordEventsAsync(Shopper(s.Id), [new BehaviourEvent { Type = BehaviourType.View, Sku = sku, At = at }], s.Place)));
        // A later place changes nothing: the session counts where its first behaviour was.
        await Task.WhenAll(sessions.Select(s => Grains.Session(s.Id).RecordEventsAsync(Shopper(s.Id), [new BehaviourEvent { Type = BehaviourType.View, Sku = sku, At = at.AddSeconds(3) }], nearSouth)));
        var buyers = sessions.Where(s => s.Index % 4 == 0).ToList(); // 20 north, 15 south, 15 nowhere
        await Task.WhenAll(buyers.SelectMany(s => new[] { "o-1", "o-1", "o-2" }.Select(o => Grains.Session(s.Id).OrderPlacedAsync(new OrderId($"{o}-{s.Id.Value}"), [sku], 10m))));
        var clickers = sessions.Where(s => s.Index % 5 == 1).ToList(); // 16 north, 12 south, 12 nowhere
        await Task.WhenAll(clickers.Select(s => Grains.Session(s.Id).RecordImpressionsAsync(Shopper(s.Id), [Pick(0), Pick(1)])));
        await Task.WhenAll(clickers.SelectMany(s => new[] { 0, 0 }.Select(_ => Grains.Session(s.Id).RecordPickClickAsync(Shopper(s.Id), 1, $"{sku}-0"))));

        // Facts are sent in a turn of their own after each call: wait until each grain has as many as the calls made.
        async Task<KpiReport> CountedAsync(string region, long facts) =>
            await Await.UntilAsync(async () => await Grains.Kpi(region).GetAsync(KpiWindow.Minutes15) is { } r && r.Counts.Values.Sum() >= facts ? r : null, TimeSpan.FromSeconds(10));
        var city = await CountedAsync(IKpiGrain.Overall, 330);
        var northReport = await CountedAsync(northZone, 132);
        var southReport = await CountedAsync(southZone, 99);

        Assert.Equal(new Dictionary<string, long> { ["visit"] = 200, ["conversion"] = 50, ["impression"] = 40, ["click"] = 40 }, city.Counts);
        Assert.Equal(new Dictionary<string, long> { ["visit"] = 80, ["conversion"] = 20, ["impression"] = 16, ["click"] = 16 }, northReport.Counts);
        Assert.Equal(new Dictionary<string, long> { ["visit"] = 60, ["conversion"] = 15, ["impression"] = 12, ["click"] = 12 }, southReport.Counts);
        Assert.Equal(0.25, city.Indicators.Single(i => i.Name == "conversion").Value);
        Assert.Equal(0.25, northReport.Indicators.Single(i => i.Name == "conversion").Value);
        Assert.Equal(1.0, city.Indicators.Single(i => i.Name == "recommendationCtr").Value); // the unclicked picks settle when their window passes
        Assert.Equal(1.0, southReport.Indicators.Single(i => i.Name == "recommendationCtr").Value);
        var views = await Task.WhenAll(new[] { sessions[0], sessions[80], sessions[140] }.Select(s => Grains.Session(s.Id).GetAsync()));
        Assert.Equal([northZone, southZone, null], views.Select(v => v.Region));
    }
}
