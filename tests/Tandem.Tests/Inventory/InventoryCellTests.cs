using Orleans.Streams;

using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Streams;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Inventory;

[Collection(GrainClusterCollection.Name)]
public sealed class InventoryCellTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Reserve_never_oversells_under_1000_concurrent_calls()
    {
        var cell = await NewCellAsync(onHand: 100);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000)
            .Select(i => Task.Run(() => cell.ReserveAsync($"r{i}", 1, Hour), TestContext.Current.CancellationToken)));

        Assert.Equal(100, results.Count(r => r.Outcome == CellOutcome.Applied));
        Assert.Equal(900, results.Count(r => r.Outcome == CellOutcome.Insufficient));
        Assert.All(results, r => Assert.True(r.Cell.Available >= 0));
        var after = await cell.GetSnapshotAsync();
        Assert.Equal((100, 100, 0, 100), (after.OnHand, after.Reserved, after.Available, after.LiveReservations));
    }

    [Fact]
    public async Task Reserve_is_all_or_nothing_for_the_asked_quantity()
    {
        var cell = await NewCellAsync(onHand: 5);

        var refused = await cell.ReserveAsync("big", 6, Hour);

        Assert.Equal(CellOutcome.Insufficient, refused.Outcome);
        Assert.Equal((5, 0), (refused.Cell.OnHand, refused.Cell.Reserved));
    }

    [Fact]
    public async Task Reserve_is_idempotent_by_reservation_id()
    {
        var cell = await NewCellAsync(onHand: 10);

        var first = await cell.ReserveAsync("r1", 4, Hour);
        var again = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => cell.ReserveAsync("r1", 4, Hour)));
        var otherQuantity = await cell.ReserveAsync("r1", 5, Hour);

        Assert.Equal(CellOutcome.Applied, first.Outcome);
        Assert.All(again, r => Assert.Equal(CellOutcome.Replayed, r.Outcome));
        Assert.Equal(CellOutcome.Conflict, otherQuantity.Outcome);
        var after = await cell.GetSnapshotAsync();
        Assert.Equal((4, 6, 1), (after.Reserved, after.Available, after.LiveReservations));
    }

    [Fact]
    public async Task Expired_reservations_release_their_stock()
    {
        var cell = await NewCellAsync(onHand: 3);
        await cell.ReserveAsync("short", 2, TimeSpan.FromMinutes(10));

        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(9));
        var before = await cell.GetSnapshotAsync();
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await cell.GetSnapshotAsync();
        var reuse = await cell.ReserveAsync("short", 2, Hour);

        Assert.Equal((2, 1), (before.Reserved, before.Available));
        Assert.Equal((0, 3, 0), (after.Reserved, after.Available, after.LiveReservations));
        Assert.Equal(CellOutcome.Conflict, reuse.Outcome);
    }

    [Fact]
    public async Task Asking_again_for_a_live_hold_renews_it()
    {
        var cell = await NewCellAsync(onHand: 3);
        await cell.ReserveAsync("held", 2, TimeSpan.FromMinutes(10));

        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(8));
        var renewed = await cell.ReserveAsync("held", 2, TimeSpan.FromMinutes(10));
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(8)); // past the first expiry, before the renewed one
        var stillHeld = await cell.GetSnapshotAsync();
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var lapsed = await cell.GetSnapshotAsync();

        Assert.Equal(CellOutcome.Replayed, renewed.Outcome);
        Assert.Equal((2, 1), (stillHeld.Reserved, stillHeld.Available));
        Assert.Equal((0, 3), (lapsed.Reserved, lapsed.Available));
    }

    [Fact]
    public async Task A_lapsed_hold_is_released_by_the_cell_itself_and_published_as_expired()
    {
        var sku = (await TestData.NewProductsAsync(fixture.Grains, 1))[0];
        var expired = new TaskCompletionSource<StockChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await fixture.Cluster.Client.GetStreamProvider(StreamMap.Provider)
            .GetStream<StockChanged>(StreamMap.For(StockChanged.StreamNamespace, sku))
            .SubscribeAsync((change, _) =>
            {
                if (change.Cell.Sku == sku && change.Reason == StockChangeReason.Expired)
                {
                    expired.TrySetResult(change);
                }

                return Task.CompletedTask;
            });
        var cell = fixture.Grains.Cell(new CellKey(sku, TestData.Camden.Id));
        await cell.ReceiveAsync(5, "in", "tester");

        await cell.ReserveAsync("brief", 3, TimeSpan.FromMilliseconds(200));
        GrainClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1)); // no command follows: only the cell's timer can notice

        var change = await Await.WithinAsync(expired.Task, TimeSpan.FromSeconds(10), "the Expired stock change");
        await subscription.UnsubscribeAsync();
        Assert.Equal((3, 5, 0, 0), (change.Quantity, change.Cell.OnHand, change.Cell.Reserved, change.Cell.LiveReservations));
    }

    [Fact]
    public async Task Commit_ships_stock_once_and_restock_returns_it_once()
    {
        var cell = await NewCellAsync(onHand: 10);
        await cell.ReserveAsync("r", 3, Hour);

        var commit = await cell.CommitAsync("r");
        var commitAgain = await cell.CommitAsync("r");
        var releaseAfterCommit = await cell.ReleaseAsync("r");

        Assert.Equal(CellOutcome.Applied, commit.Outcome);
        Assert.Equal(CellOutcome.Replayed, commitAgain.Outcome);
        Assert.Equal(CellOutcome.Conflict, releaseAfterCommit.Outcome);
        Assert.Equal((7, 0, 3, 7), (commitAgain.Cell.OnHand, commitAgain.Cell.Reserved, commitAgain.Cell.Committed, commitAgain.Cell.Available));

        var restock = await cell.RestockAsync("r");
        var restockAgain = await cell.RestockAsync("r");
        Assert.Equal((CellOutcome.Applied, CellOutcome.Replayed), (restock.Outcome, restockAgain.Outcome));
        Assert.Equal((10, 0, 0), (restockAgain.Cell.OnHand, restockAgain.Cell.Reserved, restockAgain.Cell.Committed));
    }

    [Fact]
    public async Task Release_is_idempotent_and_unknown_ids_change_nothing()
    {
        var cell = await NewCellAsync(onHand: 10);
        await cell.ReserveAsync("r", 4, Hour);

        var release = await cell.ReleaseAsync("r");
        var again = await cell.ReleaseAsync("r");
        var unknown = await cell.ReleaseAsync("never");

        Assert.Equal((CellOutcome.Applied, CellOutcome.Replayed, CellOutcome.UnknownReservation), (release.Outcome, again.Outcome, unknown.Outcome));
        Assert.Equal((10, 0, 10), (unknown.Cell.OnHand, unknown.Cell.Reserved, unknown.Cell.Available));
    }

    [Fact]
    public async Task Receipts_are_idempotent_by_reference()
    {
        var cell = await NewCellAsync(onHand: 0);

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => cell.ReceiveAsync(7, "po-1", "tester")));

        Assert.Equal(1, results.Count(r => r.Outcome == CellOutcome.Applied));
        Assert.Equal(299, results.Count(r => r.Outcome == CellOutcome.Replayed));
        Assert.Equal(7, (await cell.GetSnapshotAsync()).OnHand);
    }

    [Fact]
    public async Task Cycle_count_below_reserved_is_refused()
    {
        var cell = await NewCellAsync(onHand: 10);
        await cell.ReserveAsync("r", 6, Hour);

        var refused = await cell.AdjustAsync(5, "damaged", "count-1", "tester");
        var accepted = await cell.AdjustAsync(8, "two missing", "count-2", "tester");
        var replayed = await cell.AdjustAsync(8, "two missing", "count-2", "tester");

        Assert.Equal(CellOutcome.Conflict, refused.Outcome);
        Assert.Equal(CellOutcome.Applied, accepted.Outcome);
        Assert.Equal(CellOutcome.Replayed, replayed.Outcome);
        Assert.Equal((8, 6, 2), (replayed.Cell.OnHand, replayed.Cell.Reserved, replayed.Cell.Available));
    }

    [Fact]
    public async Task Every_change_is_published_on_the_stock_stream_with_a_rising_version()
    {
        var sku = (await TestData.NewProductsAsync(fixture.Grains, 1))[0];
        var received = new List<StockChanged>();
        var threeSeen = new TaskCompletionSource<List<StockChanged>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamMap.Provider)
            .GetStream<StockChanged>(StreamMap.For(StockChanged.StreamNamespace, sku));
        var subscription = await stream.SubscribeAsync((change, _) =>
        {
            if (change.Cell.Sku != sku)
            {
                return Task.CompletedTask; // a partition carries every sku that hashes to it
            }

            lock (received)
            {
                received.Add(change);
                if (received.Count == 3)
                {
                    threeSeen.TrySetResult([.. received]);
                }
            }

            return Task.CompletedTask;
        });

        var cell = fixture.Grains.Cell(new CellKey(sku, TestData.Camden.Id));
        await cell.ReceiveAsync(5, "in", "tester");
        await cell.ReserveAsync("r", 2, Hour);
        await cell.CommitAsync("r");

        var changes = await Await.WithinAsync(threeSeen.Task, TimeSpan.FromSeconds(5), "three stock changes");
        await subscription.UnsubscribeAsync();
        Assert.Equal([StockChangeReason.Received, StockChangeReason.Reserved, StockChangeReason.Committed], changes.Select(c => c.Reason));
        Assert.Equal([1L, 2L, 3L], changes.Select(c => c.Cell.Version));
        Assert.Equal((3, 0, 2), (changes[2].Cell.OnHand, changes[2].Cell.Reserved, changes[2].Cell.Committed));
    }

    private async Task<IInventoryCellGrain> NewCellAsync(int onHand)
    {
        var cell = fixture.Grains.Cell(new CellKey(TestData.NewSku(), TestData.Camden.Id));
        if (onHand > 0)
        {
            await cell.ReceiveAsync(onHand, "opening", "tester");
        }

        return cell;
    }
}
