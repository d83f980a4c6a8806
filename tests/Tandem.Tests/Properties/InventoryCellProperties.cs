using CsCheck;

using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Properties;

/// <summary>
/// Random sequences of receive / reserve / commit / release / restock / adjust / time passing against a
/// real inventory cell grain, each step also replayed: the cell always matches an independent model, is
/// never negative, holds exactly the sum of its live reservations, and a replay changes nothing.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class InventoryCellProperties(GrainClusterFixture fixture)
{
    private const int Sequences = 10_000;

    private static readonly Gen<CellOp> Step = Gen.Frequency(
        (3, Gen.Select(Gen.Int[1, 20], Gen.Int[0, 4], (q, r) => (CellOp)new CellOp.Receive(q, r))),
        (5, Gen.Select(Gen.Int[0, 5], Gen.Int[1, 8], Gen.Int[1, 90], (id, q, ttl) => (CellOp)new CellOp.Reserve(id, q, ttl))),
        (2, Gen.Int[0, 5].Select(id => (CellOp)new CellOp.Commit(id))),
        (2, Gen.Int[0, 5].Select(id => (CellOp)new CellOp.Release(id))),
        (1, Gen.Int[0, 5].Select(id => (CellOp)new CellOp.Restock(id))),
        (1, Gen.Select(Gen.Int[0, 40], Gen.Int[0, 3], (counted, r) => (CellOp)new CellOp.Adjust(counted, r))),
        (1, Gen.Int[1, 60].Select(m => (CellOp)new CellOp.Wait(m))));

    [Fact]
    public async Task Any_sequence_of_commands_keeps_every_invariant_and_replays_change_nothing()
    {
        await Step.Array[1, 16].SampleAsync(RunAsync, iter: Sequences, threads: 1);
    }

    private async Task RunAsync(CellOp[] steps)
    {
        var cell = fixture.Grains.Cell(new CellKey(TestData.NewSku(), TestData.Camden.Id));
        var model = new CellModel();
        foreach (var step in steps)
        {
            if (step is CellOp.Wait wait)
            {
                GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(wait.Minutes));
                model.Apply(step, GrainClusterFixture.Clock.GetUtcNow());
                Matches(model, await cell.GetSnapshotAsync(), step);
                continue;
            }

            var expected = model.Apply(step, GrainClusterFixture.Clock.GetUtcNow());
            var first = await CellOp.ExecuteAsync(cell, step);
            var replay = await CellOp.ExecuteAsync(cell, step);

            Assert.True(expected == first.Outcome, $"{step}: expected {expected}, cell said {first.Outcome} ({first.Detail})");
            Matches(model, first.Cell, step);
            Assert.True(replay.Cell == first.Cell, $"{step}: the replay changed the cell from {first.Cell} to {replay.Cell}");
            Assert.Equal(first.Outcome == CellOutcome.Applied ? CellOutcome.Replayed : first.Outcome, replay.Outcome);
        }
    }

    private static void Matches(CellModel model, CellSnapshot cell, CellOp step)
    {
        Assert.True(cell.OnHand >= 0 && cell.Available >= 0 && cell.Committed >= 0, $"{step}: negative {cell}");
        Assert.True(
            (model.OnHand, model.Reserved, model.Committed, model.LiveCount) == (cell.OnHand, cell.Reserved, cell.Committed, cell.LiveReservations),
            $"{step}: model onHand={model.OnHand} reserved={model.Reserved} committed={model.Committed} live={model.LiveCount}, cell {cell}");
    }
}
