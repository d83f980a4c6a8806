using Orleans.Core.Internal;

using Tandem.Contracts.Orders;
using Tandem.Grains.Demand;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Errors;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Demand;

/// <summary>A packed order's lines reach their cells' demand through the order's outbox, each counted once however often it is told.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DemandCountingTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Packing_an_order_counts_each_line_in_its_cell_s_day_and_quarter_and_marks_the_cells_for_re_forecast()
    {
        var a = await TestData.StockedAtAsync(Grains, TestData.Camden, 10);
        var b = await TestData.StockedAtAsync(Grains, TestData.Camden, 10);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (a, 3), (b, 2)));
        var packedAt = GrainClusterFixture.Clock.GetUtcNow();

        var packed = await order.PackAsync("packer");
        var packedAgain = await order.PackAsync("packer");

        Assert.Equal((OrderStatus.Packed, OrderOutcome.Replayed), (packed.Order!.Status, packedAgain.Outcome));
        var demandA = await Grains.Demand(new CellKey(a, TestData.Camden.Id)).GetAsync();
        var demandB = await Grains.Demand(new CellKey(b, TestData.Camden.Id)).GetAsync();
        var day = DateOnly.FromDateTime(packedAt.UtcDateTime);
        Assert.Equal([(day, 3, 30m)], demandA.Days.Select(d => (d.Day, d.Units, d.Revenue)));
        Assert.Equal([(day, 2, 20m)], demandB.Days.Select(d => (d.Day, d.Units, d.Revenue)));
        Assert.Equal(3, Assert.Single(demandA.Quarters).Units);
        Assert.Equal(0, Assert.Single(demandA.Quarters).Start.Minute % 15);
        var planner = await Grains.ForecastPlanner().GetAsync();
        Assert.True(planner.KnownCells >= 2);
    }

    [Fact]
    public async Task The_same_sale_told_200_times_at_once_is_counted_once_and_a_different_one_adds_up()
    {
        var cell = Grains.Demand(new CellKey(TestData.NewSku(), TestData.Brixton.Id));
        var at = GrainClusterFixture.Clock.GetUtcNow();
        var sale = new DemandEntry { Id = "order:x:line:0", At = at, Units = 4, Revenue = 40m };

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => cell.RecordAsync(sale)));
        await cell.RecordAsync(sale with { Id = "order:y:line:0", Units = 1, Revenue = 10m });
        await cell.RecordAsync(new DemandEntry { Id = "return:z", At = at, Returned = 1 });
        var history = await cell.GetAsync();

        var today = Assert.Single(history.Days);
        Assert.Equal((5, 1, 50m), (today.Units, today.Returned, today.Revenue));
        Assert.Equal(3, history.Version);
    }

    [Fact]
    public async Task Five_hundred_sales_told_twice_at_once_count_once_in_shared_writes_each_carrying_only_what_changed_since_the_last()
    {
        var sku = TestData.NewSku();
        FaultyStorage.Watch(sku);
        var cell = Grains.Demand(new CellKey(sku, TestData.Brixton.Id));
        var at = GrainClusterFixture.Clock.GetUtcNow();
        var sales = Enumerable.Range(0, 500).Select(i => new DemandEntry { Id = $"order:o{i}:line:0", At = at.AddDays(-(i % 3)), Units = 1 + (i % 4), Revenue = 10m }).ToList();

        await Task.WhenAll(sales.Concat(sales).Select(cell.RecordAsync));
        var writesAfterBurst = FaultyStorage.WritesOf(sku).Count;
        await cell.RecordAsync(new DemandEntry { Id = "order:last:line:0", At = at, Units = 1, Revenue = 10m });
        var history = await cell.GetAsync();

        Assert.Equal((sales.Sum(s => s.Units) + 1, 501L), (history.Days.Sum(d => d.Units), history.Version));
        var stored = FaultyStorage.WritesOf(sku);
        var changes = FaultyStorage.ChangesOf(sku);
        Assert.InRange(writesAfterBurst, 1, 250); // the burst's counts share writes
        var replayed = new DemandState();
        for (var i = 0; i < stored.Count; i++)
        {
            FaultyStorage.Replay(replayed, changes[i]);
            var written = FaultyStorage.Read<DemandState>(stored[i]);
            Assert.Equal((written.Version, written.Days.Sum(d => d.Units), written.Counted.Count, written.OwedDays.Count), (replayed.Version, replayed.Days.Sum(d => d.Units), replayed.Counted.Count, replayed.OwedDays.Count));
        }

        // The last sale's write carries that sale, not the 501 ids the cell remembers.
        Assert.InRange(changes.Skip(writesAfterBurst).Max(c => c.ToArray().Length), 1, 1_000);
        Assert.True(stored[^1].ToArray().Length > 20_000, $"the whole state is {stored[^1].ToArray().Length} bytes");
    }

    [Fact]
    public async Task The_totals_from_a_day_on_add_the_units_sold_and_returned_on_that_day_and_after_only()
    {
        var cell = Grains.Demand(new CellKey(TestData.NewSku(), TestData.Brixton.Id));
        var at = GrainClusterFixture.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(at.UtcDateTime);

        await cell.RecordAsync(new DemandEntry { Id = "order:a:line:0", At = at.AddDays(-30), Units = 7, Revenue = 70m });
        await cell.RecordAsync(new DemandEntry { Id = "order:b:line:0", At = at.AddDays(-29), Units = 3, Revenue = 30m });
        await cell.RecordAsync(new DemandEntry { Id = "return:c", At = at.AddDays(-29), Returned = 1 });
        await cell.RecordAsync(new DemandEntry { Id = "order:d:line:0", At = at, Units = 2, Revenue = 20m });
        await cell.RecordAsync(new DemandEntry { Id = "return:e", At = at, Returned = 2 });

        Assert.Equal(new DemandTotals(5, 3), await cell.GetTotalsAsync(today.AddDays(-29)));
        Assert.Equal(new DemandTotals(12, 3), await cell.GetTotalsAsync(today.AddDays(-30)));
        Assert.Equal(new DemandTotals(0, 0), await cell.GetTotalsAsync(today.AddDays(1)));
    }

    [Fact]
    public async Task A_negative_or_nameless_entry_is_refused_and_counts_nothing()
    {
        var cell = Grains.Demand(new CellKey(TestData.NewSku(), TestData.Brixton.Id));
        var at = GrainClusterFixture.Clock.GetUtcNow();

        await Assert.ThrowsAsync<ArgumentException>(() => cell.RecordAsync(new DemandEntry { Id = "a", At = at, Units = -1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => cell.RecordAsync(new DemandEntry { Id = "", At = at, Units = 1 }));

        Assert.Empty((await cell.GetAsync()).Days);
    }

    [Fact]
    public async Task Seeded_days_are_put_in_place_once_and_never_over_counted_sales()
    {
        var cell = Grains.Demand(new CellKey(TestData.NewSku(), TestData.Brixton.Id));
        var first = new DateOnly(2026, 9, 1);
        DemandDay[] days = [.. Enumerable.Range(0, 10).Select(i => new DemandDay { Day = first.AddDays(i), Units = i, Revenue = i * 2m })];

        await cell.SeedAsync(days);
        await cell.SeedAsync([new DemandDay { Day = first, Units = 99 }]);
        var history = await cell.GetAsync();

        Assert.Equal(Enumerable.Range(1, 9), history.Days.Select(d => d.Units));
        Assert.Equal(first.AddDays(1), history.Days[0].Day);
    }

    [Fact]
    public async Task A_sale_whose_demand_cell_cannot_save_is_counted_once_when_it_can_and_kept_across_a_reactivation()
    {
        var sku = await TestData.StockedAtAsync(Grains, TestData.Camden, 10);
        var cell = new CellKey(sku, TestData.Camden.Id);
        FaultyStorage.FailWritesOf<DemandState>(sku, _ => true);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 2)));

        var packed = await order.PackAsync("packer");
        // A read reaching the activation whose write failed is refused (it serves nothing unsaved); the next activation reads what was saved.
        var whileFailing = await Await.UntilAsync(async () =>
        {
            try
            {
                return await Grains.Demand(cell).GetAsync();
            }
            catch (StorageUnavailableException)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(10));
        FaultyStorage.Heal(sku);
        await Await.UntilAsync(async () => (await Grains.Demand(cell).GetAsync()) is { Version: > 0 } counted ? counted : null, TimeSpan.FromSeconds(15));
        await Grains.Demand(cell).RecordAsync(new DemandEntry { Id = TestData.NewId("sale"), At = GrainClusterFixture.Clock.GetUtcNow(), Units = 1 });
        await Grains.Demand(cell).AsReference<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var after = await Grains.Demand(cell).GetAsync();

        Assert.Equal(OrderStatus.Packed, packed.Order!.Status);
        Assert.Empty(whileFailing.Days);
        Assert.Equal(3, Assert.Single(after.Days).Units);
    }
}
