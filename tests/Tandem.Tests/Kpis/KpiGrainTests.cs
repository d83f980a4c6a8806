using Tandem.Contracts.Kpis;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Kpis;

/// <summary>A KPI grain counts each fact once under hundreds of concurrent, repeated sends, and refuses a malformed one.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class KpiGrainTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Three_hundred_concurrent_sends_of_a_hundred_facts_each_sent_three_times_count_each_fact_once()
    {
        var region = TestData.NewId("region");
        var now = GrainClusterFixture.Clock.GetUtcNow();
        var facts = Enumerable.Range(0, 100).Select(i => new KpiFact { Id = $"order:o-{i}:placed", Measure = KpiMeasure.Order, At = now - TimeSpan.FromSeconds(i), Value = i }).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Grains.Kpi(region).RecordAsync([facts[i % 100]])));
        var report = await Grains.Kpi(region).GetAsync(KpiWindow.Minutes15);

        Assert.Equal(100L, report.Counts["order"]);
        Assert.Equal(Enumerable.Range(0, 100).Average(), report.Indicators.Single(i => i.Name == "averageOrderValue").Value);
    }

    [Fact]
    public async Task A_fact_from_ahead_of_the_grain_s_clock_counts_now_and_a_malformed_one_changes_nothing()
    {
        var region = TestData.NewId("region");
        var now = GrainClusterFixture.Clock.GetUtcNow();
        var kpi = Grains.Kpi(region);

        await kpi.RecordAsync([new KpiFact { Id = "future", Measure = KpiMeasure.Visit, At = now + TimeSpan.FromDays(3) }]);
        await Assert.ThrowsAsync<ArgumentException>(() => kpi.RecordAsync([new KpiFact { Id = "fine", Measure = KpiMeasure.Visit, At = now }, new KpiFact { Id = "", Measure = KpiMeasure.Visit, At = now }]));
        await Assert.ThrowsAsync<ArgumentException>(() => kpi.RecordAsync([new KpiFact { Id = "nan", Measure = KpiMeasure.Order, At = now, Value = double.NaN }]));
        await Assert.ThrowsAsync<ArgumentException>(() => kpi.RecordAsync([new KpiFact { Id = "unknown", Measure = (KpiMeasure)99, At = now }]));

        var report = await kpi.GetAsync(KpiWindow.Minutes15);
        Assert.Equal(new Dictionary<string, long> { ["visit"] = 1 }, report.Counts);
    }
}
