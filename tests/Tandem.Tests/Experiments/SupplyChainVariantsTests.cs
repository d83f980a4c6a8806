using Tandem.Contracts.Experiments;
using Tandem.Contracts.Kpis;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Forecasts;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Tests.Experiments;

/// <summary>Supply-chain settings in experiments: who is assigned, what is used, when two experiments clash, and when a guardrail is breached.</summary>
public sealed class SupplyChainVariantsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static ExperimentDefinition Window(string id, params string[] regions) => new()
    {
        Id = id, Name = "Window",
        Variants = [new VariantDefinition { Name = "short", Settings = new() { DispatchWindowSeconds = 2 } }, new VariantDefinition { Name = "long", Settings = new() { DispatchWindowSeconds = 30 } }],
        Regions = regions,
    };

    private static ExperimentDefinition Level(string id, params string[] regions) => new()
    {
        Id = id, Name = "Level",
        Variants = [new VariantDefinition { Name = "p90", Settings = new() { ServiceLevel = 0.9 } }, new VariantDefinition { Name = "p99", Settings = new() { ServiceLevel = 0.99 } }],
        Regions = regions,
    };

    private static ExperimentView Running(ExperimentDefinition definition) => new()
    {
        Definition = definition, Status = ExperimentStatus.Running, CreatedAt = Now, CreatedBy = "ops:ann", StartedAt = Now, Version = 2,
    };

    private static KpiReport Report(string name, double value, double denominator) => new()
    {
        Region = "x", Window = "since", At = Now, Counts = new Dictionary<string, long>(),
        Indicators = [new KpiIndicator { Name = name, Value = value, Numerator = value * denominator, Denominator = denominator, Series = [] }],
    };

    [Fact]
    public void A_zone_window_grows_to_the_variant_s_ceiling_instead_of_the_product_s()
    {
        var options = new DispatchOptions(); // 1 s for one order, 5 s from 30 waiting

        Assert.Equal((1.0, 5.0), (options.WindowFor(1).TotalSeconds, options.WindowFor(30).TotalSeconds));
        Assert.Equal((1.0, 30.0), (options.WindowFor(1, TimeSpan.FromSeconds(30)).TotalSeconds, options.WindowFor(30, TimeSpan.FromSeconds(30)).TotalSeconds));
        Assert.Equal((0.5, 0.5), (options.WindowFor(1, TimeSpan.FromSeconds(0.5)).TotalSeconds, options.WindowFor(30, TimeSpan.FromSeconds(0.5)).TotalSeconds)); // below the shortest: fixed
    }

    [Fact]
    public void Zones_and_cells_are_assigned_only_in_the_regions_targeted_and_only_while_running()
    {
        var window = Running(Window("exp-window", "r1c1"));
        var stopped = window with { Status = ExperimentStatus.Stopped };

        var inside = ExperimentUnits.FindSupply([window], nameof(VariantSettings.DispatchWindowSeconds), "r1c1", "r1c1", Now);
        var outside = ExperimentUnits.FindSupply([window], nameof(VariantSettings.DispatchWindowSeconds), "r2c2", "r2c2", Now);
        var otherSetting = ExperimentUnits.FindSupply([window], nameof(VariantSettings.ServiceLevel), "sku@st-1", "r1c1", Now);

        Assert.NotNull(inside);
        Assert.Equal(Tandem.Brains.Experiments.Assignment.Assign("exp-window", "r1c1", [new("short", 1), new("long", 1)], 1), inside.Variant);
        Assert.Null(outside);
        Assert.Null(otherSetting);
        Assert.Null(ExperimentUnits.FindSupply([stopped], nameof(VariantSettings.DispatchWindowSeconds), "r1c1", "r1c1", Now));
        Assert.Equal([("exp-window", inside.Variant)], ExperimentUnits.ZoneArms([window, Running(Level("exp-level"))], "r1c1"));
        Assert.Empty(ExperimentUnits.ZoneArms([window], "r2c2"));
    }

    [Fact]
    public void A_cell_s_service_level_is_its_variant_s_in_the_regions_targeted_and_the_product_s_elsewhere()
    {
        var level = Running(Level("exp-level", "r1c1"));
        var regions = new Dictionary<string, string> { ["st-in"] = "r1c1", ["st-out"] = "r2c2" };
        var levels = new ServiceLevels([level], regions, 0.95, Now);
        var cells = Enumerable.Range(0, 40).Select(i => new CellKey($"SKU-{i}", "st-in")).ToList();

        var used = cells.Select(levels.For).ToList();
        var outside = levels.For(new CellKey("SKU-0", "st-out"));
        var unknown = levels.For(new CellKey("SKU-0", "st-gone"));

        Assert.All(cells.Zip(used), c =>
        {
            var variant = ExperimentUnits.AssignSupply(level, c.First.ToString(), "r1c1");
            Assert.Equal((variant == 0 ? 0.9 : 0.99, $"exp-level:{(variant == 0 ? "p90" : "p99")}"), c.Second);
        });
        Assert.Contains(used, u => u.Level == 0.9);
        Assert.Contains(used, u => u.Level == 0.99); // 40 cells: both variants met
        Assert.Equal((0.95, (string?)null), outside);
        Assert.Equal((0.95, (string?)null), unknown);
    }

    [Fact]
    public void Experiments_on_one_supply_chain_setting_clash_only_where_their_regions_meet()
    {
        Assert.Null(ExperimentLayers.Clash(Window("a", "r1c1"), [Window("b", "r2c2")]));
        Assert.NotNull(ExperimentLayers.Clash(Window("a", "r1c1"), [Window("b", "r1c1", "r2c2")]));
        Assert.NotNull(ExperimentLayers.Clash(Window("a"), [Window("b", "r2c2")])); // all regions meet every region
        Assert.Null(ExperimentLayers.Clash(Window("a", "r1c1"), [Level("b", "r1c1")])); // different settings
        var combined = Window("c") with { Variants = [.. Window("c").Variants.Select((v, i) => v with { Settings = v.Settings with { Layout = i == 0 ? "standard" : "picks-first" } })] };
        var layout = new ExperimentDefinition { Id = "d", Name = "Layout", Variants = [new() { Name = "a", Settings = new() { Layout = "standard" } }, new() { Name = "b", Settings = new() { Layout = "picks-first" } }], Segments = ["cart"] };
        Assert.NotNull(ExperimentLayers.Clash(combined, [layout])); // the combined experiment's layout meets the other's sessions
        Assert.Null(ExperimentLayers.Clash(combined with { Regions = ["r1c1"] }, [layout with { Regions = ["r2c2"] }])); // sessions of other regions
        Assert.NotNull(ExperimentLayers.Clash(combined with { Regions = ["r1c1"] }, [layout with { Regions = ["r1c1"] }]));
        Assert.Null(ExperimentLayers.Clash(layout with { Id = "e", Segments = ["browse"] }, [layout])); // other segments, all regions
        Assert.Equal(["DispatchWindowSeconds", "Layout"], ExperimentLayers.Settings(combined).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_guardrail_is_breached_when_the_treatment_is_worse_by_more_than_its_margin_once_both_sides_have_enough_observations()
    {
        var onTime = new Guardrail { Indicator = "onTime", Margin = 0.05 };
        var minutes = new Guardrail { Indicator = "deliveryMinutes", Margin = 5 };

        var breached = ExperimentReport.Guard(onTime, Report("onTime", 0.9, 100), Report("onTime", 0.8, 100));
        var within = ExperimentReport.Guard(onTime, Report("onTime", 0.9, 100), Report("onTime", 0.87, 100));
        var better = ExperimentReport.Guard(onTime, Report("onTime", 0.9, 100), Report("onTime", 0.95, 100));
        var early = ExperimentReport.Guard(onTime, Report("onTime", 0.9, 100), Report("onTime", 0.5, 29));
        var slower = ExperimentReport.Guard(minutes, Report("deliveryMinutes", 30, 50), Report("deliveryMinutes", 36, 50));

        Assert.Equal((0.1, true), (breached.Worse!.Value, breached.Breached));
        Assert.Equal((0.03, false), (within.Worse!.Value, within.Breached));
        Assert.Equal((-0.05, false), (better.Worse!.Value, better.Breached));
        Assert.Equal(((double?)null, false, 0.5), (early.Worse, early.Breached, early.Treatment!.Value)); // 29 deliveries: not read yet
        Assert.Equal((6.0, true), (slower.Worse!.Value, slower.Breached)); // fewer minutes are better
    }

    [Fact]
    public void An_experiment_naming_no_guardrails_keeps_those_of_the_supply_chain_settings_it_changes()
    {
        Assert.Equal(["onTime", "deliveryMinutes"], ExperimentGuardrails.Of(Window("a")).Select(g => g.Indicator));
        Assert.Equal(["stockOutRate"], ExperimentGuardrails.Of(Level("a")).Select(g => g.Indicator));
        Assert.Equal([new Guardrail { Indicator = "nps", Margin = 10 }], ExperimentGuardrails.Of(Level("a") with { Guardrails = [new Guardrail { Indicator = "nps", Margin = 10 }] }));
    }
}
