using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Inventory;

namespace Tandem.Tests.Properties;

/// <summary>One step against an inventory cell; ids come from a small pool so they collide.</summary>
public abstract record CellOp
{
    public sealed record Receive(int Quantity, int Reference) : CellOp;

    public sealed record Reserve(int Id, int Quantity, int TtlMinutes) : CellOp;

    public sealed record Commit(int Id) : CellOp;

    public sealed record Release(int Id) : CellOp;

    public sealed record Restock(int Id) : CellOp;

    public sealed record Adjust(int Counted, int Reference) : CellOp;

    /// <summary>Time passes (the fake clock moves); reservations due by then lapse.</summary>
    public sealed record Wait(int Minutes) : CellOp;

    /// <summary>Sends a step (not <see cref="Wait"/>) to a real cell.</summary>
    public static Task<CellResult> ExecuteAsync(IInventoryCellGrain cell, CellOp step) => step switch
    {
        Receive r => cell.ReceiveAsync(r.Quantity, "in" + r.Reference, "property"),
        Reserve r => cell.ReserveAsync("r" + r.Id, r.Quantity, TimeSpan.FromMinutes(r.TtlMinutes)),
        Commit c => cell.CommitAsync("r" + c.Id),
        Release r => cell.ReleaseAsync("r" + r.Id),
        Restock r => cell.RestockAsync("r" + r.Id),
        Adjust a => cell.AdjustAsync(a.Counted, "counted", "count" + a.Reference, "property"),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}

/// <summary>What an inventory cell must hold after a sequence of steps, computed independently of the grain.</summary>
public sealed class CellModel
{
    private readonly Dictionary<string, (int Quantity, DateTimeOffset ExpiresAt)> _live = [];
    private readonly Dictionary<string, (int Quantity, string End)> _closed = [];
    private readonly HashSet<string> _references = [];

    public int OnHand { get; private set; }

    public int Committed { get; private set; }

    public int Reserved => _live.Values.Sum(l => l.Quantity);

    public int LiveCount => _live.Count;

    /// <summary>Units held by reservations that have lapsed by <paramref name="now"/> but were not let go yet.</summary>
    public int LapsingBy(DateTimeOffset now) => _live.Values.Where(l => l.ExpiresAt <= now).Sum(l => l.Quantity);

    /// <summary>Applies a step at <paramref name="now"/>; returns the outcome the grain must report.</summary>
    public CellOutcome Apply(CellOp op, DateTimeOffset now)
    {
        foreach (var (id, live) in _live.Where(l => l.Value.ExpiresAt <= now).ToList())
        {
            _live.Remove(id);
            _closed[id] = (live.Quantity, "expired");
        }

        switch (op)
        {
            case CellOp.Receive r:
                if (!_references.Add("in" + r.Reference))
                {
                    return CellOutcome.Replayed;
                }

                OnHand += r.Quantity;
                return CellOutcome.Applied;
            case CellOp.Reserve r:
            {
                var id = "r" + r.Id;
                if (_live.TryGetValue(id, out var live))
                {
                    if (live.Quantity != r.Quantity)
                    {
                        return CellOutcome.Conflict;
                    }

                    var renewed = now.AddMinutes(r.TtlMinutes); // asking again renews the hold
                    _live[id] = (live.Quantity, renewed > live.ExpiresAt ? renewed : live.ExpiresAt);
                    return CellOutcome.Replayed;
                }

                if (_closed.TryGetValue(id, out var closed))
                {
                    return closed.End == "committed" && closed.Quantity == r.Quantity ? CellOutcome.Replayed : CellOutcome.Conflict;
                }

                if (OnHand - Reserved < r.Quantity)
                {
                    return CellOutcome.Insufficient;
                }

                _live[id] = (r.Quantity, now.AddMinutes(r.TtlMinutes));
                return CellOutcome.Applied;
            }

            case CellOp.Commit c:
            {
                var id = "r" + c.Id;
                if (_live.Remove(id, out var live))
                {
                    OnHand -= live.Quantity;
                    Committed += live.Quantity;
                    _closed[id] = (live.Quantity, "committed");
                    return CellOutcome.Applied;
                }

                return _closed.TryGetValue(id, out var closed) && closed.End is "committed" or "restocked"
                    ? CellOutcome.Replayed
                    : CellOutcome.UnknownReservation;
            }

            case CellOp.Release r:
            {
                var id = "r" + r.Id;
                if (_live.Remove(id, out var live))
                {
                    _closed[id] = (live.Quantity, "released");
                    return CellOutcome.Applied;
                }

                if (_closed.TryGetValue(id, out var closed))
                {
                    return closed.End is "released" or "expired" ? CellOutcome.Replayed : CellOutcome.Conflict;
                }

                return CellOutcome.UnknownReservation;
            }

            case CellOp.Restock r:
            {
                var id = "r" + r.Id;
                if (!_closed.TryGetValue(id, out var closed))
                {
                    return CellOutcome.UnknownReservation;
                }

                switch (closed.End)
                {
                    case "restocked":
                        return CellOutcome.Replayed;
                    case "committed":
                        OnHand += closed.Quantity;
                        Committed -= closed.Quantity;
                        _closed[id] = (closed.Quantity, "restocked");
                        return CellOutcome.Applied;
                    default:
                        return CellOutcome.Conflict;
                }
            }

            case CellOp.Adjust a:
                if (_references.Contains("count" + a.Reference))
                {
                    return CellOutcome.Replayed;
                }

                if (a.Counted < Reserved)
                {
                    return CellOutcome.Conflict;
                }

                _references.Add("count" + a.Reference);
                OnHand = a.Counted;
                return CellOutcome.Applied;
            case CellOp.Wait:
                return CellOutcome.Applied;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }
}
