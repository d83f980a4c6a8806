using CsCheck;

using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Properties;

/// <summary>
/// Random sequences of reserve / release / commit / restock / receive / expiry / split / merge and bursts of concurrent
/// buyers (which make buckets run dry and take from their siblings) against a real cell: it always matches the model of
/// a whole cell, every single command replayed changes nothing, the cell's totals are its own units plus every
/// bucket's plus the units moving between them, nothing is negative and nothing is oversold.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class HotCellProperties(GrainClusterFixture fixture)
{
    private const int Sequences = 2_000;

    private abstract record RushOp
    {
        public sealed record One(CellOp Op) : RushOp;

        public sealed record Split(int Buckets) : RushOp;

        public sealed record Merge : RushOp;

        /// <summary>Buyers who each ask for one unit at once.</summary>
        public sealed record Burst(int Buyers, int TtlMinutes) : RushOp;
    }

    private static readonly Gen<RushOp> Step = Gen.Frequency(
        (2, Gen.Select(Gen.Int[1, 20], Gen.Int[0, 4], (q, r) => (RushOp)new RushOp.One(new CellOp.Receive(q, r)))),
        (5, Gen.Select(Gen.Int[0, 5], Gen.Int[1, 8], Gen.Int[1, 90], (id, q, ttl) => (RushOp)new RushOp.One(new CellOp.Reserve(id, q, ttl)))),
        (2, Gen.Int[0, 5].Select(id => (RushOp)new RushOp.One(new CellOp.Commit(id)))),
        (2, Gen.Int[0, 5].Select(id => (RushOp)new RushOp.One(new CellOp.Release(id)))),
        (1, Gen.Int[0, 5].Select(id => (RushOp)new RushOp.One(new CellOp.Restock(id)))),
        (1, Gen.Int[1, 60].Select(m => (RushOp)new RushOp.One(new CellOp.Wait(m)))),
        (2, Gen.Int[1, 4].Select(b => (RushOp)new RushOp.Split(b))),
        (1, Gen.Const((RushOp)new RushOp.Merge())),
        (2, Gen.Select(Gen.Int[1, 40], Gen.Int[1, 90], (n, ttl) => (RushOp)new RushOp.Burst(n, ttl))));

    [Fact]
    public async Task Any_interleaving_of_holds_splits_steals_and_merges_keeps_the_cell_exact()
    {
        await Gen.Select(Gen.Int[0, 60], Step.Array[1, 20]).SampleAsync(RunAsync, iter: Sequences, threads: 1);
    }

    private async Task RunAsync((int Opening, RushOp[] Steps) run)
    {
        var key = new CellKey(TestData.NewSku(), TestData.Camden.Id);
        var cell = fixture.Grains.Cell(key);
        var hot = fixture.Grains.GetGrain<IHotCellGrain>(key.ToString());
        var model = new CellModel();
        Assert.Equal(CellOutcome.Applied, model.Apply(new CellOp.Receive(run.Opening, 99), Now));
        await cell.ReceiveAsync(run.Opening, "in99", "property");
        var split = false;
        var nextBuyer = 1000;
        foreach (var step in run.Steps)
        {
            switch (step)
            {
                case RushOp.One { Op: CellOp.Wait wait }:
                    GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(wait.Minutes));
                    model.Apply(wait, Now);
                    break;
                case RushOp.One one:
                    await OneAsync(cell, model, one.Op);
                    break;
                case RushOp.Split s:
                    var view = await hot.SplitAsync(s.Buckets);
                    Assert.Equal(split ? view.Buckets.Count : s.Buckets, view.Buckets.Count); // a split cell stays as it is
                    split = true;
                    break;
                case RushOp.Merge:
                    Assert.False((await hot.MergeAsync()).Split);
                    split = false;
                    break;
                case RushOp.Burst burst:
                    var buyers = Enumerable.Range(nextBuyer, burst.Buyers).Select(id => new CellOp.Reserve(id, 1, burst.TtlMinutes)).ToList();
                    nextBuyer += burst.Buyers;
                    await BurstAsync(cell, model, buyers, step);
                    break;
            }

            await MatchesAsync(cell, hot, model, step);
        }
    }

    private static DateTimeOffset Now => GrainClusterFixture.Clock.GetUtcNow();

    private static async Task OneAsync(IInventoryCellGrain cell, CellModel model, CellOp op)
    {
        var expected = model.Apply(op, Now);
        var first = await CellOp.ExecuteAsync(cell, op);
        var replay = await CellOp.ExecuteAsync(cell, op);

        Assert.True(expected == first.Outcome, $"{op}: expected {expected}, cell said {first.Outcome} ({first.Detail})");
        Assert.True(replay.Cell == first.Cell, $"{op}: the replay changed the cell from {first.Cell} to {replay.Cell}");
        Assert.Equal(first.Outcome == CellOutcome.Applied ? CellOutcome.Replayed : first.Outcome, replay.Outcome);
        Assert.Null(first.Bucket);
    }

    private static async Task BurstAsync(IInventoryCellGrain cell, CellModel model, List<CellOp.Reserve> buyers, RushOp step)
    {
        var answers = await Task.WhenAll(buyers.Select(b => Task.Run(() => CellOp.ExecuteAsync(cell, b))));
        var available = model.OnHand - model.Reserved - model.LapsingBy(Now);
        Assert.True(answers.Count(a => a.Outcome == CellOutcome.Applied) == Math.Min(buyers.Count, available),
            $"{step}: {available} units free, {answers.Count(a => a.Outcome == CellOutcome.Applied)} of {buyers.Count} buyers served");
        foreach (var (buyer, answer) in buyers.Zip(answers).OrderBy(p => p.Second.Outcome == CellOutcome.Applied ? 0 : 1))
        {
            Assert.Equal(answer.Outcome, model.Apply(buyer, Now));
        }
    }

    private static async Task MatchesAsync(IInventoryCellGrain cell, IHotCellGrain hot, CellModel model, RushOp step)
    {
        var total = await cell.GetSnapshotAsync();
        var view = await hot.GetHotViewAsync();
        Assert.True(total.OnHand >= 0 && total.Available >= 0 && total.Committed >= 0, $"{step}: negative {total}");
        Assert.True(
            (model.OnHand, model.Reserved, model.Committed, model.LiveCount) == (total.OnHand, total.Reserved, total.Committed, total.LiveReservations),
            $"{step}: model onHand={model.OnHand} reserved={model.Reserved} committed={model.Committed} live={model.LiveCount}, cell {total}");
        Assert.True(view.Total == total, $"{step}: the hot view's totals {view.Total} differ from the cell's {total}");
        Assert.True(view.Own.OnHand + view.Buckets.Sum(b => b.OnHand + b.Moving) == total.OnHand, $"{step}: units in the cell and its buckets do not add up to {total.OnHand}");
        Assert.True(view.Own.Reserved + view.Buckets.Sum(b => b.Reserved) == total.Reserved, $"{step}: holds in the cell and its buckets do not add up to {total.Reserved}");
        Assert.All(view.Buckets, b => Assert.True(b.OnHand >= 0 && b.Available >= 0 && b.Moving >= 0, $"{step}: bucket {b}"));
    }
}
