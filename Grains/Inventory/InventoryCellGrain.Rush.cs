using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Inventory;

/// <summary>
/// How a cell rides a rush. Once it answers <see cref="InventoryOptions.SplitAtReservationsPerSecond"/> reservations in
/// a second it splits: a reservation it does not hold itself goes to the bucket its id hashes to (so every later command
/// for that id finds it there), and each bucket writes its own holds in its own group commits.
/// <para>
/// Units: at the split each bucket is sent a share of the free units and the cell keeps the rest as a pool. A bucket
/// that runs dry is refilled from the pool; a pool short of the hold is refilled by asking every sibling for at least
/// what is missing (a sibling keeps half of what it has beyond that) and the dry bucket for all it has. Refills happen
/// one at a time, so "sold out" is said only after every bucket gave back what it had free. Units between two grains are counted on neither side but by the cell's
/// running totals, so <see cref="Totals"/> counts each unit once however old each bucket's numbers are.
/// </para>
/// <para>
/// After <see cref="InventoryOptions.MergeAfterQuiet"/> below <see cref="InventoryOptions.QuietBelowReservationsPerSecond"/>
/// the cell merges: it stops refilling, waits for a refill under way, and takes each bucket's units, holds and ended
/// holds back. A command that reaches a bucket that has handed over is answered by the cell once the merge is done.
/// A cell that restarts during a split tells every bucket its running total again; during a merge it finishes it.
/// </para>
/// </summary>
public sealed partial class InventoryCellGrain
{
    /// <summary>
    /// Keeps a split cell coming back should its silo die while nothing asks for it: once back, it takes its buckets back
    /// when quiet. Registered at the split, dropped at the merge (a minute is the shortest period a reminder takes).
    /// </summary>
    public const string RushReminder = "rush";

    private static readonly TimeSpan RushReminderPeriod = TimeSpan.FromMinutes(1);

    private enum Refill
    {
        Refilled,
        SoldOut,
        Merging,
    }

    private BucketTally?[] _views = [];
    private Task _refillsDone = Task.CompletedTask; // refills run one at a time: each waits for the one before
    private Task _splitting = Task.CompletedTask;
    private Task _merging = Task.CompletedTask;
    private IGrainTimer? _totalsTimer;
    private long _refills;
    private long _lastToldVersion = -1;
    private int _lastToldRate = -1;
    private DateTimeOffset? _quietSince;

    // reservations answered per second, in whole seconds of the real clock (a rush is real load, not business time)
    private long _secondStarted = Environment.TickCount64;
    private int _thisSecond;
    private int _lastSecond;

    public async Task<HotCellView> SplitAsync(int buckets)
    {
        NotABucket();
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, BucketKey.MaxBuckets);
        Begin();
        await StartSplit(buckets);
        return await GetHotViewAsync();
    }

    public async Task<HotCellView> MergeAsync()
    {
        NotABucket();
        Begin();
        await StartMerge();
        return await GetHotViewAsync();
    }

    public async Task<HotCellView> GetHotViewAsync()
    {
        NotABucket();
        Begin();
        await ReadBucketsAsync();
        await _commit!.Durable();
        return View();
    }

    /// <summary>The bucket a command for <paramref name="reservationId"/> goes to; null when this cell answers it itself.</summary>
    private int? BucketOf(string reservationId)
    {
        if (_bucket is not null || S.Buckets == 0 || S.Live.ContainsKey(reservationId) || S.Closed.ContainsKey(reservationId))
        {
            return null;
        }

        // FNV-1a: the same bucket for the same id in every process and every activation
        var hash = 2166136261u;
        foreach (var ch in reservationId)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % (uint)S.Buckets);
    }

    private IInventoryCellGrain BucketCell(int index) => GrainFactory.GetGrain<IInventoryCellGrain>(new BucketKey(_key, index).ToString());

    private IStockBucketGrain Bucket(int index) => GrainFactory.GetGrain<IStockBucketGrain>(new BucketKey(_key, index).ToString());

    private async Task<CellResult> ReserveInBucketAsync(int bucket, string reservationId, int quantity, TimeSpan ttl)
    {
        while (true)
        {
            var answer = await BucketCell(bucket).ReserveAsync(reservationId, quantity, ttl);
            Observe(answer.Bucket!);
            if (answer.Bucket!.Retired)
            {
                await SettledAsync();
                return await ReserveAgainAsync(reservationId, quantity, ttl);
            }

            if (answer.Outcome != CellOutcome.Insufficient)
            {
                return Relayed(answer);
            }

            var totals = Totals();
            var refill = totals.Available < quantity ? Refill.SoldOut : await RefillAsync(bucket, quantity);
            switch (refill)
            {
                case Refill.SoldOut:
                    return new CellResult { Outcome = CellOutcome.Insufficient, Cell = Totals(), Detail = $"{Totals().Available} available, {quantity} asked." };
                case Refill.Merging:
                    await SettledAsync();
                    return await ReserveAgainAsync(reservationId, quantity, ttl);
            }
        }
    }

    /// <summary>A reservation asked again once a split or merge has settled: where it goes now (counted once, by its first ask).</summary>
    private Task<CellResult> ReserveAgainAsync(string reservationId, int quantity, TimeSpan ttl) =>
        BucketOf(reservationId) is { } bucket ? ReserveInBucketAsync(bucket, reservationId, quantity, ttl) : Reserve(reservationId, quantity, ttl, out _);

    /// <summary>Sends a command to the bucket holding its id; answers with the cell's totals.</summary>
    private async Task<CellResult> ForwardAsync(int bucket, Func<IInventoryCellGrain, Task<CellResult>> command, Func<Task<CellResult>> again)
    {
        var answer = await command(BucketCell(bucket));
        Observe(answer.Bucket!);
        if (answer.Bucket!.Retired)
        {
            await SettledAsync();
            return await again();
        }

        return Relayed(answer);
    }

    private CellResult Relayed(CellResult answer) => answer with { Cell = Totals(), Bucket = null };

    private async Task<CellResult> CountedAsync(Task<CellResult> reservation)
    {
        var result = await reservation;
        Count(result.Outcome is CellOutcome.Applied or CellOutcome.Replayed or CellOutcome.Insufficient ? result.Outcome : CellOutcome.Conflict);
        Measure();
        return result;
    }

    /// <summary>Waits for a split's buckets to be funded and a merge to finish, so a bucket that handed over is not asked again.</summary>
    private async Task SettledAsync()
    {
        await _splitting;
        await _merging;
        if (S.Buckets > 0 && !S.Merging && _splitting.IsCompleted && _merging.IsCompleted)
        {
            await StartMerge(); // a bucket retired without this activation knowing: take it back rather than ask it forever
        }
    }

    /// <summary>Counts a reservation answered and splits the cell once a second holds enough of them.</summary>
    private void Measure()
    {
        RollSecond();
        _thisSecond++;
        var o = options.Value;
        if (o.Buckets > 0 && S.Buckets == 0 && _thisSecond >= o.SplitAtReservationsPerSecond && _splitting.IsCompleted && _merging.IsCompleted)
        {
            _ = StartSplit(o.Buckets);
        }
    }

    /// <summary>Reservations answered in the last full second, or so far in this one if more.</summary>
    private int Rate()
    {
        RollSecond();
        return Math.Max(_lastSecond, _thisSecond);
    }

    private void RollSecond()
    {
        var now = Environment.TickCount64;
        if (now - _secondStarted >= 1000)
        {
            _lastSecond = now - _secondStarted >= 2000 ? 0 : _thisSecond;
            _secondStarted = now;
            _thisSecond = 0;
        }
    }

    private Task StartSplit(int buckets)
    {
        if (S.Buckets > 0 || !_splitting.IsCompleted || !_merging.IsCompleted)
        {
            return _splitting;
        }

        _splitting = SplitOnceAsync(buckets);
        return _splitting;
    }

    private async Task SplitOnceAsync(int buckets)
    {
        S.Apply(new CellChange { Kind = CellChangeKind.Split, At = clock.GetUtcNow(), Quantity = buckets });
        // Until a bucket answers, it is known as its last split left it: empty, having counted all it was sent and given
        // back all the cell counted. So units sent now count as on their way, not as gone.
        _views = [.. Enumerable.Range(0, buckets).Select(i => new BucketTally
        {
            Index = i,
            Cell = Own() with { OnHand = 0, Reserved = 0, Committed = 0, Version = 0, LiveReservations = 0, Bin = null, SaleStartsAt = null },
            FromCell = S.Channel(i).Sent,
            ToCell = S.Channel(i).Received,
            Retired = false,
        })];
        var share = (S.OnHand - S.Reserved) / (2 * buckets); // half to the buckets, half kept as the pool that refills them
        var sent = new long[buckets];
        for (var i = 0; i < buckets; i++)
        {
            if (share > 0)
            {
                S.Apply(new CellChange { Kind = CellChangeKind.Sent, At = clock.GetUtcNow(), Bucket = i, Quantity = share });
            }

            sent[i] = S.Channel(i).Sent;
        }

        S.CheckCounts();
        logger.CellSplit(_key, buckets, share);
        await _commit!.Changed(null); // units leave the cell durably before any bucket counts them
        await FundAllAsync(sent);
        StartTotalsTimer();
        await RushReminderAsync(keep: true);
    }

    /// <summary>Nothing to do: being woken by the reminder resumed the rush (<see cref="ResumeRushAsync"/>); a whole cell drops it.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == RushReminder && S.Buckets == 0 ? RushReminderAsync(keep: false) : Task.CompletedTask;

    private async Task RushReminderAsync(bool keep)
    {
        try
        {
            if (keep)
            {
                await this.RegisterOrUpdateReminder(RushReminder, RushReminderPeriod, RushReminderPeriod);
            }
            else if (await this.GetReminder(RushReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.RushReminderFailed(ex, _key, keep ? "register" : "drop"); // the split or merge itself is saved; a later one tries again
        }
    }

    private async Task FundAllAsync(long[] sent)
    {
        var split = S.Split;
        foreach (var tally in await Task.WhenAll(sent.Select((total, i) => Bucket(i).FundAsync(total, split))))
        {
            Observe(tally);
        }
    }

    /// <summary>After a restart: tell every bucket its running total again (a lost send arrives now), or finish a merge.</summary>
    private async Task ResumeRushAsync()
    {
        if (_bucket is not null || S.Buckets == 0)
        {
            return;
        }

        _views = new BucketTally?[S.Buckets];
        if (S.Merging)
        {
            await StartMerge();
            return;
        }

        _splitting = FundAllAsync([.. Enumerable.Range(0, S.Buckets).Select(i => S.Channel(i).Sent)]);
        await _splitting;
        StartTotalsTimer();
    }

    private async Task<Refill> RefillAsync(int bucket, int quantity)
    {
        var before = _refillsDone;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _refillsDone = done.Task;
        await before;
        try
        {
            if (S.Merging || S.Buckets == 0)
            {
                return Refill.Merging;
            }

            if (_views[bucket] is { } view && view.Cell.Available >= quantity)
            {
                return Refill.Refilled; // refilled while this caller waited: try the bucket again
            }

            if (S.OnHand - S.Reserved < quantity)
            {
                await ReclaimAsync(bucket, quantity - (S.OnHand - S.Reserved));
                if (S.Merging)
                {
                    return Refill.Merging;
                }

                if (S.OnHand - S.Reserved < quantity)
                {
                    return Refill.SoldOut;
                }
            }

            var free = S.OnHand - S.Reserved;
            var give = Math.Min(free, Math.Max(quantity, free / S.Buckets));
            S.Apply(new CellChange { Kind = CellChangeKind.Sent, At = clock.GetUtcNow(), Bucket = bucket, Quantity = give });
            S.CheckCounts();
            var total = S.Channel(bucket).Sent;
            _refills++;
            await _commit!.Changed(null); // the units leave the cell durably before the bucket counts them
            Observe(await Bucket(bucket).FundAsync(total, S.Split));
            return Refill.Refilled;
        }
        finally
        {
            done.SetResult();
        }
    }

    /// <summary>
    /// Asks every bucket for at least <paramref name="missing"/> units, or half of what it has free if more; the dry one
    /// gives back all it has, so a hold larger than any one bucket's units is served from all of theirs.
    /// </summary>
    private async Task ReclaimAsync(int dry, int missing)
    {
        var asks = Enumerable.Range(0, S.Buckets)
            .Select(i => Bucket(i).ReturnAsync(i == dry ? int.MaxValue : Math.Max(missing, (_views[i]?.Cell.Available ?? 0) / 2)));
        foreach (var tally in await Task.WhenAll(asks))
        {
            Observe(tally);
        }
    }

    private Task StartMerge()
    {
        if (S.Buckets == 0 || !_merging.IsCompleted)
        {
            return _merging;
        }

        _merging = MergeOnceAsync();
        return _merging;
    }

    private async Task MergeOnceAsync()
    {
        await _splitting;
        if (!S.Merging)
        {
            S.Apply(new CellChange { Kind = CellChangeKind.MergeBegun, At = clock.GetUtcNow() });
            await _commit!.Changed(null); // no refill after this; one under way ends before buckets are asked
        }

        await _refillsDone;
        var split = S.Split;
        var handovers = await Task.WhenAll(Enumerable.Range(0, S.Buckets).Select(i => Bucket(i).HandOverAsync()));
        for (var i = 0; i < handovers.Length; i++)
        {
            if (S.Channel(i).TakenOver < split)
            {
                S.Apply(new CellChange { Kind = CellChangeKind.TookOver, At = clock.GetUtcNow(), Bucket = i, Handover = handovers[i] });
            }
        }

        S.Apply(new CellChange { Kind = CellChangeKind.Merged, At = clock.GetUtcNow() });
        S.CheckInvariants();
        _views = [];
        _totalsTimer?.Dispose();
        _totalsTimer = null;
        _quietSince = null;
        logger.CellMerged(_key, handovers.Length);
        ExpireDue();
        ScheduleExpiry();
        await RushReminderAsync(keep: false);
        await _commit!.Changed(new StockChanged { Cell = Own(), Reason = StockChangeReason.Rush, Quantity = 0, At = clock.GetUtcNow() }); // whole again: no longer hot
    }

    /// <summary>Keeps the newest numbers of a bucket, and counts units it gave back.</summary>
    private void Observe(BucketTally tally)
    {
        if (tally.Index < _views.Length && (_views[tally.Index] is not { } known || tally.Cell.Version >= known.Cell.Version))
        {
            _views[tally.Index] = tally;
        }

        if (tally.ToCell > S.Channel(tally.Index).Received && S.Channel(tally.Index).TakenOver < S.Split)
        {
            S.Apply(new CellChange { Kind = CellChangeKind.Reclaimed, At = clock.GetUtcNow(), Bucket = tally.Index, Total = tally.ToCell });
            _ = _commit!.Changed(null); // written with the next write; a send that uses these units waits for it
        }
    }

    /// <summary>Reads every bucket of a split cell now.</summary>
    private async Task ReadBucketsAsync()
    {
        if (_bucket is not null || S.Buckets == 0 || S.Merging)
        {
            await _merging;
            return;
        }

        await _splitting;
        var split = S.Split;
        var reads = Enumerable.Range(0, S.Buckets).Where(i => S.Channel(i).TakenOver < split).Select(i => Bucket(i).TallyAsync());
        foreach (var tally in await Task.WhenAll(reads))
        {
            Observe(tally);
        }
    }

    /// <summary>A split cell's numbers: its own, and each bucket's as last heard with the units on their way (<see cref="Heard"/>).</summary>
    private CellSnapshot Totals()
    {
        long onHand = S.OnHand, reserved = S.Reserved, committed = S.Committed, version = S.Version, live = S.Live.Count;
        foreach (var (view, moving) in Heard())
        {
            onHand += view.Cell.OnHand + moving;
            reserved += view.Cell.Reserved;
            committed += view.Cell.Committed;
            version += view.Cell.Version;
            live += view.Cell.LiveReservations;
        }

        return Own() with
        {
            OnHand = (int)onHand,
            Reserved = (int)reserved,
            Committed = (int)committed,
            Version = version,
            LiveReservations = (int)live,
        };
    }

    /// <summary>
    /// Each bucket not yet taken back, as last heard, with the units on their way between it and the cell: sent and not
    /// yet counted by the bucket, or given back and not yet counted by the cell.
    /// </summary>
    private IEnumerable<(BucketTally View, long Moving)> Heard()
    {
        for (var i = 0; i < S.Buckets && i < _views.Length; i++)
        {
            var channel = S.Channel(i);
            if (channel.TakenOver < S.Split && _views[i] is { } view) // a bucket taken back: its units and holds are the cell's own now
            {
                yield return (view, channel.Sent - view.FromCell + (view.ToCell - channel.Received));
            }
        }
    }

    private HotCellView View()
    {
        var buckets = Heard().Select(b => new BucketView
        {
            Index = b.View.Index,
            OnHand = b.View.Cell.OnHand,
            Reserved = b.View.Cell.Reserved,
            Committed = b.View.Cell.Committed,
            LiveReservations = b.View.Cell.LiveReservations,
            Moving = b.Moving,
        }).ToList();

        return new HotCellView
        {
            Total = Snapshot(),
            Own = Own(),
            Buckets = buckets,
            ReservationsPerSecond = Rate(),
            Merging = S.Merging,
            Refills = _refills,
        };
    }

    /// <summary>What the control room is told of this cell while it is split.</summary>
    private HotCell Hot() => new()
    {
        ReservationsPerSecond = Rate(),
        Pool = S.OnHand - S.Reserved,
        Buckets = [.. View().Buckets.Select(b => new HotBucket { Index = b.Index, Available = b.Available, Reserved = b.Reserved })],
    };

    private void StartTotalsTimer()
    {
        _totalsTimer ??= this.RegisterGrainTimer(
            _ => TellTotalsAsync(),
            new GrainTimerCreationOptions(options.Value.TotalsEvery, options.Value.TotalsEvery) { KeepAlive = true, Interleave = true });
    }

    /// <summary>While split: read the buckets, tell the stock stream the totals when they changed, and merge once quiet.</summary>
    private async Task TellTotalsAsync()
    {
        if (S.Buckets == 0 || S.Merging || _commit!.Failed)
        {
            return;
        }

        try
        {
            await ReadBucketsAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.BucketsUnread(ex, _key); // told with the next tick, or by the next command's answer
            return;
        }

        var totals = Totals();
        var rate = Rate();
        if (totals.Version != _lastToldVersion || rate != _lastToldRate)
        {
            (_lastToldVersion, _lastToldRate) = (totals.Version, rate);
            await _publisher!.PublishAsync(StockChanged.StreamNamespace, _key.Sku,
                new StockChanged { Cell = totals, Reason = StockChangeReason.Rush, Quantity = 0, At = clock.GetUtcNow(), Hot = Hot() });
        }

        var now = TimeProvider.System.GetUtcNow();
        if (Rate() >= options.Value.QuietBelowReservationsPerSecond)
        {
            _quietSince = null;
        }
        else if ((_quietSince ??= now) + options.Value.MergeAfterQuiet <= now)
        {
            await StartMerge();
        }
    }
}
