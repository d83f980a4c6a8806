using Tandem.Contracts.Kpis;
using Tandem.Grains.Kpis;

namespace Tandem.Tests.Kpis;

/// <summary>Counting facts per minute once each, and reading the indicators over sliding windows with their trend.</summary>
public sealed class KpiIndicatorsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 30, TimeSpan.Zero);

    private static KpiFact Fact(string id, KpiMeasure measure, TimeSpan ago, double value = 1) =>
        new() { Id = id, Measure = measure, At = Now - ago, Value = value };

    private static KpiIndicator Indicator(KpiReport report, string name) => report.Indicators.Single(i => i.Name == name);

    [Fact]
    public void Each_indicator_divides_its_window_s_facts_and_the_window_before_gives_the_previous_value()
    {
        var state = new KpiState();
        KpiFact[] facts =
        [
            Fact("o1", KpiMeasure.Order, TimeSpan.FromMinutes(1), 30), Fact("o2", KpiMeasure.Order, TimeSpan.FromMinutes(14), 50),
            Fact("o3", KpiMeasure.Order, TimeSpan.FromMinutes(20), 10), // the window before
            Fact("d1", KpiMeasure.Delivery, TimeSpan.FromMinutes(2), 1), Fact("d2", KpiMeasure.Delivery, TimeSpan.FromMinutes(3), 0),
            Fact("d3", KpiMeasure.Delivery, TimeSpan.FromMinutes(4), 1), Fact("d4", KpiMeasure.Delivery, TimeSpan.FromMinutes(5), 1),
            Fact("f1", KpiMeasure.Fulfilled, TimeSpan.FromMinutes(2)), Fact("f2", KpiMeasure.Fulfilled, TimeSpan.FromMinutes(3)),
            Fact("f3", KpiMeasure.Fulfilled, TimeSpan.FromMinutes(4)), Fact("f4", KpiMeasure.Fulfilled, TimeSpan.FromMinutes(5)),
            Fact("r1", KpiMeasure.Return, TimeSpan.FromMinutes(1)),
            Fact("s1", KpiMeasure.Survey, TimeSpan.Zero, 1), Fact("s2", KpiMeasure.Survey, TimeSpan.Zero, 1), Fact("s3", KpiMeasure.Survey, TimeSpan.Zero, 0),
            Fact("s4", KpiMeasure.Survey, TimeSpan.Zero, -1),
            Fact("v1", KpiMeasure.Visit, TimeSpan.FromMinutes(6)), Fact("v2", KpiMeasure.Visit, TimeSpan.FromMinutes(6)), Fact("c1", KpiMeasure.Conversion, TimeSpan.FromMinutes(6)),
            Fact("i1", KpiMeasure.Impression, TimeSpan.FromMinutes(7)), Fact("i2", KpiMeasure.Impression, TimeSpan.FromMinutes(7)),
            Fact("i3", KpiMeasure.Impression, TimeSpan.FromMinutes(7)), Fact("i4", KpiMeasure.Impression, TimeSpan.FromMinutes(7)), Fact("k1", KpiMeasure.Click, TimeSpan.FromMinutes(7)),
            Fact("g1", KpiMeasure.PackedGoods, TimeSpan.FromMinutes(8), 3), Fact("b1", KpiMeasure.PackedBoxes, TimeSpan.FromMinutes(8), 4),
            Fact("g2", KpiMeasure.PackedGoods, TimeSpan.FromMinutes(8), 3), Fact("b2", KpiMeasure.PackedBoxes, TimeSpan.FromMinutes(8), 8),
            Fact("p1", KpiMeasure.PackedBaseline, TimeSpan.FromMinutes(8), 8), Fact("p2", KpiMeasure.PackedBaseline, TimeSpan.FromMinutes(8), 8),
        ];
        Assert.All(facts, f => Assert.True(state.Apply(f)));

        var report = KpiIndicators.Report("r1c1", KpiWindow.Minutes15, Now, state);

        Assert.Equal(("r1c1", "15m", Now), (report.Region, report.Window, report.At));
        Assert.Equal(["nps", "returnRate", "onTime", "conversion", "averageOrderValue", "recommendationCtr", "packingFill", "packingSaving", "deliveryMinutes", "stockOutRate", "inventoryTurnover", "orders", "reservations"], report.Indicators.Select(i => i.Name));
        Assert.Equal((25.0, 4.0, 1.0), (Indicator(report, "nps").Value!.Value, Indicator(report, "nps").Denominator, Indicator(report, "nps").Numerator));
        Assert.Equal(0.25, Indicator(report, "returnRate").Value);
        Assert.Equal(0.75, Indicator(report, "onTime").Value);
        Assert.Equal(0.5, Indicator(report, "conversion").Value);
        Assert.Equal(40.0, Indicator(report, "averageOrderValue").Value);
        Assert.Equal(10.0, Indicator(report, "averageOrderValue").Previous); // o3 alone, in the 15 minutes before
        Assert.Equal(0.25, Indicator(report, "recommendationCtr").Value);
        Assert.Equal(0.5, Indicator(report, "packingFill").Value);
        Assert.Equal((0.25, 4.0, 16.0), (Indicator(report, "packingSaving").Value!.Value, Indicator(report, "packingSaving").Numerator, Indicator(report, "packingSaving").Denominator)); // boxes of 12 l where first fit took 16 l
        Assert.Null(Indicator(report, "onTime").Previous);
        Assert.Equal(2L, report.Counts["order"]);
        Assert.Equal((2.0, 1.0, 0.0), (Indicator(report, "orders").Value!.Value, Indicator(report, "orders").Previous!.Value, Indicator(report, "orders").Denominator));
        Assert.Equal((1.0, 0.0), (Indicator(report, "orders").Series[0]!.Value, Indicator(report, "orders").Series[1]!.Value)); // a count is 0, not unknown, in a quiet minute
        Assert.Null(Indicator(report, "deliveryMinutes").Value);
        Assert.False(report.Counts.ContainsKey("orderUnits"));
    }

    [Fact]
    public void Stock_out_rate_averages_the_census_s_share_of_empty_cells_and_turnover_is_units_ordered_over_mean_stock_a_year()
    {
        var state = new KpiState();
        KpiFact[] facts =
        [
            Fact("census:1:level", KpiMeasure.StockLevel, TimeSpan.FromMinutes(10), 300), Fact("census:1:cells", KpiMeasure.StockCells, TimeSpan.FromMinutes(10), 20),
            Fact("census:1:out", KpiMeasure.StockOut, TimeSpan.FromMinutes(10), 1),
            Fact("census:2:level", KpiMeasure.StockLevel, TimeSpan.FromMinutes(1), 100), Fact("census:2:cells", KpiMeasure.StockCells, TimeSpan.FromMinutes(1), 20),
            Fact("census:2:out", KpiMeasure.StockOut, TimeSpan.FromMinutes(1), 5),
            Fact("u1", KpiMeasure.OrderUnits, TimeSpan.FromMinutes(4), 150), Fact("u2", KpiMeasure.OrderUnits, TimeSpan.FromMinutes(3), 50),
            Fact("census:0:level", KpiMeasure.StockLevel, TimeSpan.FromMinutes(20), 1_000), Fact("census:0:cells", KpiMeasure.StockCells, TimeSpan.FromMinutes(20), 10), // the window before
        ];
        Assert.All(facts, f => Assert.True(state.Apply(f)));

        var report = KpiIndicators.Report("all", KpiWindow.Minutes15, Now, state);

        var stockOut = Indicator(report, "stockOutRate");
        Assert.Equal((6.0, 40.0, 0.15), (stockOut.Numerator, stockOut.Denominator, stockOut.Value!.Value)); // 1 of 20 cells, then 5 of 20
        Assert.Equal(0.0, stockOut.Previous);
        var turnover = Indicator(report, "inventoryTurnover");
        Assert.Equal((200.0, 200.0), (turnover.Numerator, turnover.Denominator)); // 200 units ordered over a mean of (300 + 100) / 2 on hand
        Assert.Equal(365 * 24 * 4, turnover.Value!.Value, 9); // the stock once in 15 minutes: 35,040 turns a year at this pace
        Assert.Equal(0.0, turnover.Previous); // no unit ordered in the window before
        Assert.Equal((0.0, null, 0.0), (turnover.Series[4], turnover.Series[10], turnover.Series[13])); // 11:50 and 11:59 counted stock and no sale; 11:56 sold with no census to divide by
    }

    [Fact]
    public void The_trend_splits_the_window_into_equal_slices_oldest_first()
    {
        var state = new KpiState();
        state.Apply(Fact("late", KpiMeasure.Delivery, TimeSpan.FromMinutes(50), 0));
        state.Apply(Fact("on-time-1", KpiMeasure.Delivery, TimeSpan.FromMinutes(2), 1));
        state.Apply(Fact("on-time-2", KpiMeasure.Delivery, TimeSpan.FromMinutes(3), 1));

        var hour = Indicator(KpiIndicators.Report("all", KpiWindow.Hour, Now, state), "onTime");
        var quarter = Indicator(KpiIndicators.Report("all", KpiWindow.Minutes15, Now, state), "onTime");
        var day = Indicator(KpiIndicators.Report("all", KpiWindow.Day, Now, state), "onTime");

        Assert.Equal(12, hour.Series.Count); // five minutes each from 11:01: 50 minutes ago (11:10) is the second, 2–3 minutes ago the last
        Assert.Equal([null, 0.0, null, null, null, null, null, null, null, null, null, 1.0], hour.Series);
        Assert.Equal(2.0 / 3, hour.Value);
        Assert.Equal(15, quarter.Series.Count);
        Assert.Equal([1.0, 1.0, null, null], quarter.Series.TakeLast(4)); // a minute each: 11:57, 11:58, 11:59, 12:00
        Assert.Equal(24, day.Series.Count);
        Assert.Equal(1.0, quarter.Value);
        Assert.Null(quarter.Previous); // nothing 15–30 minutes ago
        Assert.Null(hour.Previous); // nor in the hour before
    }

    [Fact]
    public void A_fact_sent_again_is_counted_once_and_one_older_than_two_days_and_an_hour_is_too_late()
    {
        var state = new KpiState();

        Assert.True(state.Apply(Fact("o1", KpiMeasure.Order, TimeSpan.Zero, 20)));
        Assert.False(state.Apply(Fact("o1", KpiMeasure.Order, TimeSpan.Zero, 20)));
        Assert.False(state.Apply(Fact("o1", KpiMeasure.Order, TimeSpan.FromMinutes(3), 99))); // the id decides, not the content
        Assert.False(state.Apply(Fact("old", KpiMeasure.Order, TimeSpan.FromMinutes(KpiState.RetainMinutes), 5)));
        Assert.True(state.Apply(Fact("late-but-kept", KpiMeasure.Order, TimeSpan.FromMinutes(KpiState.RetainMinutes - 1), 5)));

        var report = KpiIndicators.Report("all", KpiWindow.Minutes15, Now, state);
        Assert.Equal((1L, 20.0), (report.Counts["order"], Indicator(report, "averageOrderValue").Value!.Value));
    }

    [Fact]
    public void Minutes_and_ids_older_than_the_retention_are_forgotten_as_time_moves_on()
    {
        var state = new KpiState();
        state.Apply(Fact("o1", KpiMeasure.Order, TimeSpan.FromDays(3), 10));
        state.Apply(Fact("o2", KpiMeasure.Order, TimeSpan.FromMinutes(1), 10));

        Assert.Equal([KpiState.MinuteOf(Now) - 1], state.Minutes.Keys);
        Assert.Equal([KpiState.MinuteOf(Now) - 1], state.Heard.Keys);
        Assert.Equal([KpiState.IdHash("o2")], state.Heard[KpiState.MinuteOf(Now) - 1]);
        Assert.Equal(1, state.Remembered);
        Assert.False(state.Apply(Fact("o2", KpiMeasure.Order, TimeSpan.FromMinutes(1), 10)));
    }

    [Fact]
    public void A_state_that_kept_its_ids_as_text_refuses_them_again_and_keeps_them_as_hashes_from_then_on()
    {
        var minute = KpiState.MinuteOf(Now) - 2;
        var state = new KpiState { Latest = minute, Seen = new(StringComparer.Ordinal) { ["order:o-1:placed"] = minute, ["order:o-2:placed"] = minute } };
        state.Minutes[minute] = new KpiMinute();
        state.Minutes[minute].Add(KpiMeasure.Order, 10);
        state.Minutes[minute].Add(KpiMeasure.Order, 30);

        Assert.False(state.Apply(Fact("order:o-1:placed", KpiMeasure.Order, TimeSpan.FromMinutes(2), 10)));
        Assert.True(state.Apply(Fact("order:o-3:placed", KpiMeasure.Order, TimeSpan.FromMinutes(2), 50)));

        Assert.Empty(state.Seen);
        Assert.Equal(3, state.Remembered);
        Assert.Equal(new[] { "order:o-1:placed", "order:o-2:placed", "order:o-3:placed" }.Select(KpiState.IdHash).Order(), state.Heard[minute].Order());
        Assert.Equal((3L, 90.0), (state.Totals(minute, minute + 1).Count(KpiMeasure.Order), state.Totals(minute, minute + 1).Sum(KpiMeasure.Order)));
    }

    [Fact]
    public void An_id_hash_is_xxh3_of_the_ids_text_so_every_process_reads_the_same()
    {
        Assert.Equal(KpiState.IdHash("order:o-1:placed"), KpiState.IdHash(new string("order:o-1:placed".ToCharArray())));
        Assert.NotEqual(KpiState.IdHash("order:o-1:placed"), KpiState.IdHash("order:o-1:placed:units"));
        Assert.Equal(0x2D06800538D394C2UL, KpiState.IdHash(string.Empty)); // XXH3-64 of no bytes, as its reference gives it
    }
}
