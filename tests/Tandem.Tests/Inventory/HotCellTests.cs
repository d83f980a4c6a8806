using Microsoft.Extensions.DependencyInjection;

using Orleans.Streams;

using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Streams;
using Tandem.Grains.Inventory;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Inventory;

/// <summary>A cell split into buckets for a rush answers exactly as a whole cell would, and takes everything back after.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class HotCellTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_split_cell_sells_exactly_its_units_to_ten_times_as_many_buyers_and_every_reader_sees_exact_totals()
    {
        var (cell, hot) = await NewCellAsync(onHand: 200);
        var split = await hot.SplitAsync(4);
        using var stop = new CancellationTokenSource();
        var reads = ReadUntilAsync(cell, stop.Token);

        var results = await Task.WhenAll(Enumerable.Range(0, 2000)
            .Select(i => Task.Run(() => cell.ReserveAsync($"buyer-{i}", 1, Hour), TestContext.Current.CancellationToken)));
        await stop.CancelAsync();
        var seen = await reads;

        Assert.Equal((4, 100), (split.Buckets.Count, split.Own.Available)); // 25 units to each bucket, 100 kept to refill them
        Assert.Equal(200, results.Count(r => r.Outcome == CellOutcome.Applied));
        Assert.Equal(1800, results.Count(r => r.Outcome == CellOutcome.Insufficient));
        Assert.All(results, r => Assert.Null(r.Bucket));
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.True(s.OnHand == 200 && s.Reserved is >= 0 and <= 200 && s.Committed == 0, $"a reader saw {s}"));
        var after = await cell.GetSnapshotAsync();
        Assert.Equal((200, 200, 0, 200), (after.OnHand, after.Reserved, after.Available, after.LiveReservations));
        var view = await hot.GetHotViewAsync();
        Assert.Equal(200, view.Own.OnHand + view.Buckets.Sum(b => b.OnHand + b.Moving));
        Assert.Equal(200, view.Own.Reserved + view.Buckets.Sum(b => b.Reserved));
        Assert.True(view.Refills > 0, "buckets ran dry and were refilled");
    }

    [Fact]
    public async Task Units_on_their_way_to_buckets_still_being_funded_are_counted_in_every_answer()
    {
        var (cell, hot) = await NewCellAsync(onHand: 100);

        var splitting = hot.SplitAsync(4);
        var receipts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => cell.ReceiveAsync(1, $"during-split-{i}", "tester")));
        await splitting;

        Assert.All(receipts, r => Assert.True(r.Cell.OnHand is >= 101 and <= 150, $"a receipt during the split answered on hand {r.Cell.OnHand}"));
        Assert.Equal(150, (await cell.GetSnapshotAsync()).OnHand);
    }

    [Fact]
    public async Task Holds_made_before_during_and_after_a_split_answer_every_command_as_a_whole_cell_would()
    {
        var (cell, hot) = await NewCellAsync(onHand: 50);
        await cell.ReserveAsync("before", 5, Hour);
        await hot.SplitAsync(4);
        var during = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => cell.ReserveAsync($"during-{i}", 2, Hour)));

        var replayedDuring = await cell.ReserveAsync("during-3", 2, Hour);
        var otherQuantity = await cell.ReserveAsync("during-3", 3, Hour);
        var committed = await cell.CommitAsync("during-0");
        var released = await cell.ReleaseAsync("during-1");
        var replayedBefore = await cell.ReserveAsync("before", 5, Hour);
        var committedBefore = await cell.CommitAsync("before");
        var refusedCount = await cell.AdjustAsync(10, "count", "count-1", "tester");
        var split = await cell.GetSnapshotAsync();

        var merged = await hot.MergeAsync();
        var whole = await cell.GetSnapshotAsync();
        var replayedAfter = await cell.ReserveAsync("during-4", 2, Hour);
        var commitAgain = await cell.CommitAsync("during-0");
        var restocked = await cell.RestockAsync("during-0");
        var releasedAfter = await cell.ReleaseAsync("during-5");
        var endedHold = await cell.ReserveAsync("during-1", 2, Hour);
        var counted = await cell.AdjustAsync(40, "count", "count-2", "tester");

        Assert.All(during, r => Assert.Equal(CellOutcome.Applied, r.Outcome));
        Assert.Equal(
            [CellOutcome.Replayed, CellOutcome.Conflict, CellOutcome.Applied, CellOutcome.Applied, CellOutcome.Replayed, CellOutcome.Applied, CellOutcome.Conflict],
            new[] { replayedDuring, otherQuantity, committed, released, replayedBefore, committedBefore, refusedCount }.Select(r => r.Outcome));
        Assert.Equal((43, 12, 7, 6), (split.OnHand, split.Reserved, split.Committed, split.LiveReservations));
        Assert.False(merged.Split);
        Assert.Equal(split with { Version = whole.Version }, whole);
        Assert.True(whole.Version >= split.Version, $"the version went back from {split.Version} to {whole.Version}");
        Assert.Equal((whole.OnHand, whole.Reserved, whole.Committed), (merged.Own.OnHand, merged.Own.Reserved, merged.Own.Committed));
        Assert.Equal(
            [CellOutcome.Replayed, CellOutcome.Replayed, CellOutcome.Applied, CellOutcome.Applied, CellOutcome.Conflict, CellOutcome.Applied],
            new[] { replayedAfter, commitAgain, restocked, releasedAfter, endedHold, counted }.Select(r => r.Outcome));
        Assert.Equal((40, 10, 5, 5), (counted.Cell.OnHand, counted.Cell.Reserved, counted.Cell.Committed, counted.Cell.LiveReservations));
    }

    [Fact]
    public async Task A_split_cell_keeps_a_reminder_so_it_comes_back_should_its_silo_die_and_drops_it_when_whole_again()
    {
        var (cell, hot) = await NewCellAsync(onHand: 10);
        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var before = await reminders.ReadRow(cell.GetGrainId(), InventoryCellGrain.RushReminder, TestContext.Current.CancellationToken);

        await hot.SplitAsync(2);
        var split = await reminders.ReadRow(cell.GetGrainId(), InventoryCellGrain.RushReminder, TestContext.Current.CancellationToken);
        await hot.MergeAsync();
        var whole = await reminders.ReadRow(cell.GetGrainId(), InventoryCellGrain.RushReminder, TestContext.Current.CancellationToken);

        Assert.Null(before);
        Assert.Equal(TimeSpan.FromMinutes(1), split?.Period);
        Assert.Null(whole);
    }

    [Fact]
    public async Task Holds_lapse_in_their_buckets_and_after_the_cell_took_them_back()
    {
        var (cell, hot) = await NewCellAsync(onHand: 20);
        await hot.SplitAsync(3);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => cell.ReserveAsync($"short-{i}", 1, TimeSpan.FromMinutes(10))));

        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(11));
        var lapsedInBuckets = await cell.GetSnapshotAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => cell.ReserveAsync($"again-{i}", 2, TimeSpan.FromMinutes(10))));
        await hot.MergeAsync();
        var takenBack = await cell.GetSnapshotAsync();
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(11));
        var lapsedInCell = await cell.GetSnapshotAsync();

        Assert.Equal((20, 0, 0), (lapsedInBuckets.OnHand, lapsedInBuckets.Reserved, lapsedInBuckets.LiveReservations));
        Assert.Equal((20, 8, 4), (takenBack.OnHand, takenBack.Reserved, takenBack.LiveReservations));
        Assert.Equal((20, 0, 0), (lapsedInCell.OnHand, lapsedInCell.Reserved, lapsedInCell.LiveReservations));
    }

    [Fact]
    public async Task A_cell_splits_again_after_a_merge_and_units_received_during_a_split_are_sold_too()
    {
        var (cell, hot) = await NewCellAsync(onHand: 10);
        await hot.SplitAsync(4);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => cell.ReserveAsync($"first-{i}", 1, Hour)));
        await hot.MergeAsync();
        await hot.SplitAsync(2);
        var soldOut = await cell.ReserveAsync("second-0", 1, Hour);
        await cell.ReceiveAsync(5, "late-truck", "tester");

        var second = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => cell.ReserveAsync($"second-{i}", 1, Hour)));
        var view = await hot.GetHotViewAsync();

        Assert.Equal(CellOutcome.Insufficient, soldOut.Outcome);
        Assert.Equal(5, second.Count(r => r.Outcome == CellOutcome.Applied));
        Assert.Equal((2, 15, 15), (view.Buckets.Count, view.Total.OnHand, view.Total.Reserved));
    }

    [Fact]
    public async Task Readers_of_the_stock_stream_see_a_split_cell_s_totals()
    {
        var (cell, hot) = await NewCellAsync(onHand: 100);
        var sku = (await cell.GetSnapshotAsync()).Sku;
        var thirty = new TaskCompletionSource<CellSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await fixture.Cluster.Client.GetStreamProvider(StreamMap.Provider)
            .GetStream<StockChanged>(StreamMap.For(StockChanged.StreamNamespace, sku))
            .SubscribeAsync((change, _) =>
            {
                if (change.Cell.Reserved == 30)
                {
                    thirty.TrySetResult(change.Cell);
                }

                return Task.CompletedTask;
            });
        await hot.SplitAsync(4);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => cell.ReserveAsync($"r{i}", 1, Hour)));
        var told = await Await.WithinAsync(thirty.Task, TimeSpan.FromSeconds(5), "the totals after 30 holds");
        await subscription.UnsubscribeAsync();

        Assert.Equal((100, 30, 70), (told.OnHand, told.Reserved, told.Available));
    }

    private static async Task<List<CellSnapshot>> ReadUntilAsync(IInventoryCellGrain cell, CancellationToken stop)
    {
        var seen = new List<CellSnapshot>();
        while (!stop.IsCancellationRequested)
        {
            seen.Add(await cell.GetSnapshotAsync());
        }

        return seen;
    }

    private async Task<(IInventoryCellGrain Cell, IHotCellGrain Hot)> NewCellAsync(int onHand)
    {
        var key = new CellKey(TestData.NewSku(), TestData.Camden.Id);
        var cell = fixture.Grains.Cell(key);
        await cell.ReceiveAsync(onHand, "opening", "tester");
        return (cell, fixture.Grains.GetGrain<IHotCellGrain>(key.ToString()));
    }
}
