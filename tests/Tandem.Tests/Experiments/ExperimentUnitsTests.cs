using Tandem.Contracts.Experiments;
using Tandem.Grains.Experiments;

namespace Tandem.Tests.Experiments;

public sealed class ExperimentUnitsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static ExperimentView Running(params string[] segments) => new()
    {
        Definition = ExperimentLifecycleTests.Definition("exp-units", "popular", segments),
        Status = ExperimentStatus.Running,
        CreatedAt = Start.AddHours(-1),
        CreatedBy = "ops:ann",
        StartedAt = Start,
        Version = 2,
    };

    [Fact]
    public void A_unit_enters_a_running_experiment_only_by_acting_after_its_start_and_in_a_targeted_segment()
    {
        var running = Running("browse");
        var hashed = ExperimentUnits.Assign(running.Definition, "s-1", "browse", region: null);

        Assert.InRange(hashed, 0, 1);
        Assert.Equal(hashed, ExperimentUnits.Assign(running, "s-1", "browse", null, Start)); // acting at the start counts
        Assert.Equal(hashed, ExperimentUnits.Assign(running, "s-1", "browse", null, Start.AddMinutes(3)));
        Assert.Equal(-1, ExperimentUnits.Assign(running, "s-1", "browse", null, Start.AddTicks(-1))); // idle since before the start
        Assert.Equal(-1, ExperimentUnits.Assign(running, "s-1", "browse", null, null)); // never acted
        Assert.Equal(-1, ExperimentUnits.Assign(running, "s-1", "cart", null, Start.AddMinutes(3))); // not targeted
        Assert.Equal(-1, ExperimentUnits.Assign(running with { Status = ExperimentStatus.Stopped }, "s-1", "browse", null, Start.AddMinutes(3)));
        Assert.Equal(-1, ExperimentUnits.Assign(running with { Status = ExperimentStatus.Draft, StartedAt = null }, "s-1", "browse", null, Start.AddMinutes(3)));
        Assert.Equal(hashed, ExperimentUnits.Assign(Running(), "s-1", "cart", null, Start)); // no segments: all
    }

    [Fact]
    public void A_session_enters_an_experiment_targeting_regions_only_when_its_own_region_is_one_of_them()
    {
        var running = Running() with { Definition = Running().Definition with { Regions = ["r1c1", "r2c2"] } };
        var units = Enumerable.Range(0, 50).Select(i => $"s-{i}").ToList();
        var hashed = units.Select(u => ExperimentUnits.Assign(Running().Definition, u, "browse", region: null)).ToList();

        Assert.Equal(hashed, units.Select(u => ExperimentUnits.Assign(running, u, "browse", "r2c2", Start)));
        Assert.All(units, u => Assert.Equal(-1, ExperimentUnits.Assign(running, u, "browse", "r3c3", Start))); // another region
        Assert.All(units, u => Assert.Equal(-1, ExperimentUnits.Assign(running, u, "browse", null, Start))); // no place given
        Assert.Equal(hashed, units.Select(u => ExperimentUnits.Assign(Running(), u, "browse", "r3c3", Start))); // no regions: all
        Assert.Equal(2, hashed.Distinct().Count());
    }
}
