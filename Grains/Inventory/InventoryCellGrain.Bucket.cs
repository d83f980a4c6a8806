using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Inventory;

namespace Tandem.Grains.Inventory;

/// <summary>What a bucket of a split cell does for its cell: take units, give them back, hand everything over.</summary>
public sealed partial class InventoryCellGrain
{
    public Task<BucketTally> FundAsync(long fromCell, int split)
    {
        ABucket();
        Begin();
        if (split > S.Split || fromCell > S.FromCell)
        {
            if (S.Retired && split == S.Split)
            {
                throw new InvalidOperationException($"Bucket {_bucket} of split {split} has handed over; its cell sent units after merging.");
            }

            S.Apply(new CellChange { Kind = CellChangeKind.Funded, At = clock.GetUtcNow(), Total = Math.Max(fromCell, S.FromCell), Quantity = Math.Max(split, S.Split) });
            S.CheckCounts();
            return TallyWhenDurable(_commit!.Changed(null));
        }

        return TallyWhenDurable(_commit!.Durable());
    }

    public Task<BucketTally> ReturnAsync(int units)
    {
        ABucket();
        Begin();
        var free = S.Retired ? 0 : Math.Min(Math.Max(units, 0), S.OnHand - S.Reserved);
        if (free > 0)
        {
            S.Apply(new CellChange { Kind = CellChangeKind.Returned, At = clock.GetUtcNow(), Quantity = free });
            S.CheckCounts();
            return TallyWhenDurable(_commit!.Changed(null));
        }

        return TallyWhenDurable(_commit!.Durable());
    }

    public async Task<BucketHandover> HandOverAsync()
    {
        ABucket();
        Begin();
        if (!S.Retired)
        {
            S.Apply(new CellChange { Kind = CellChangeKind.HandedOver, At = clock.GetUtcNow() });
            S.CheckInvariants();
            ScheduleExpiry(); // nothing is held here any more
        }

        var handover = S.Handover!;
        await _commit!.Durable();
        return handover;
    }

    public Task<BucketTally> TallyAsync()
    {
        ABucket();
        Begin();
        return TallyWhenDurable(_commit!.Durable());
    }

    /// <summary>A bucket that has handed over answers every hold command this way: the cell holds them now.</summary>
    private Task<CellResult>? Moved() =>
        _bucket is not null && S.Retired
            ? Task.FromResult(Refuse(CellOutcome.Conflict, $"Bucket {_bucket} has handed its holds back to its cell."))
            : null;

    /// <summary>This bucket as it stands (null for a cell): what the cell keeps of it to count its totals.</summary>
    private BucketTally? Tally() => _bucket is not { } bucket ? null : new BucketTally
    {
        Index = bucket.Index,
        Cell = Own(),
        FromCell = S.FromCell,
        ToCell = S.ToCell,
        Retired = S.Retired,
    };

    private async Task<BucketTally> TallyWhenDurable(Task durable)
    {
        var tally = Tally()!; // taken now, answered once it is saved
        await durable;
        return tally;
    }

    private void ABucket()
    {
        if (_bucket is null)
        {
            throw new InvalidOperationException($"{_key} is a cell, not a bucket.");
        }
    }

    private void NotABucket()
    {
        if (_bucket is not null)
        {
            throw new InvalidOperationException($"Bucket {_bucket} takes units only from its cell and keeps no history of its own.");
        }
    }
}
