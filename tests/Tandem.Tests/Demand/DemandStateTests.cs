using Tandem.Grains.Demand;
using Tandem.Grains.Interfaces.Demand;

namespace Tandem.Tests.Demand;

/// <summary>A cell's demand changes only by applying a change: counted once by id, ids forgotten after 14 days, days owed to the facts tables until their totals are taken.</summary>
public sealed class DemandStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 5, 0, TimeSpan.Zero);

    private static DemandChange Sale(string id, DateTimeOffset at, int units = 1) => new() { Entry = new DemandEntry { Id = id, At = at, Units = units, Revenue = units * 10m }, At = at };

    [Fact]
    public void An_entry_counts_once_and_its_id_is_forgotten_14_days_on_then_it_would_count_again()
    {
        var state = new DemandState();

        Assert.True(state.Apply(Sale("a", T0, 2)));
        Assert.False(state.Apply(Sale("a", T0.AddMinutes(1), 2)));
        Assert.True(state.Apply(Sale("b", T0.AddMinutes(30))));
        Assert.Equal(["a", "b"], state.Counted.Keys.Order(StringComparer.Ordinal));
        Assert.True(state.Apply(Sale("c", T0.AddDays(14).AddMinutes(20)))); // a is 14 days and 20 minutes old, b not yet 14 days
        Assert.Equal(["b", "c"], state.Counted.Keys.Order(StringComparer.Ordinal));
        Assert.True(state.Apply(Sale("d", T0.AddDays(14).AddMinutes(40)))); // looked at again only after an hour: b stays
        Assert.Equal(["b", "c", "d"], state.Counted.Keys.Order(StringComparer.Ordinal));
        Assert.True(state.Apply(Sale("a", T0.AddDays(14).AddMinutes(41), 2)));

        Assert.Equal((5L, 7), (state.Version, state.Days.Sum(d => d.Units)));
        Assert.Equal([DateOnly.FromDateTime(T0.UtcDateTime), DateOnly.FromDateTime(T0.AddDays(14).UtcDateTime)], state.Days.Select(d => d.Day));
        Assert.Equal([T0.AddDays(14).AddMinutes(10), T0.AddDays(14).AddMinutes(40)], state.Quarters.Select(q => q.Start)); // the buckets of two days ago and older are gone
    }

    [Fact]
    public void A_day_stays_owed_until_the_totals_taken_are_still_its_own()
    {
        var state = new DemandState();
        var today = DateOnly.FromDateTime(T0.UtcDateTime);
        state.Apply(Sale("a", T0, 2));
        state.Apply(Sale("b", T0.AddDays(-1)));
        var taken = state.Owed();
        state.Apply(Sale("c", T0.AddMinutes(1))); // counted while the facts tables took the totals

        Assert.True(state.Apply(new DemandChange { Saved = taken, At = T0.AddMinutes(2) }));
        Assert.Equal([today], state.OwedDays); // yesterday's totals were taken as they are; today's moved since
        Assert.False(state.Apply(new DemandChange { Saved = taken, At = T0.AddMinutes(3) }));
        Assert.True(state.Apply(new DemandChange { Saved = state.Owed(), At = T0.AddMinutes(4) }));
        Assert.Empty(state.OwedDays);
    }

    [Fact]
    public void Seeded_days_are_put_in_place_only_on_a_cell_without_days_and_are_owed()
    {
        var state = new DemandState();
        var first = new DateOnly(2026, 9, 1);

        Assert.True(state.Apply(new DemandChange { Seeded = [new DemandDay { Day = first, Units = 0 }, new DemandDay { Day = first.AddDays(1), Units = 3 }], At = T0 }));
        Assert.False(state.Apply(new DemandChange { Seeded = [new DemandDay { Day = first, Units = 9 }], At = T0 }));

        Assert.Equal([(first.AddDays(1), 3)], state.Days.Select(d => (d.Day, d.Units)));
        Assert.Equal([first.AddDays(1)], state.OwedDays);
    }
}
