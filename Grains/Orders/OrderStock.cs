using Microsoft.Extensions.Logging;

using Tandem.Contracts.Inventory;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Orders;

/// <summary>
/// How an order's lines hold, renew and give back stock at their inventory cells. The order supplies its live state
/// (lines, the counter of renewed hold ids) and how to save it: a new reservation id is saved before a cell sees it.
/// </summary>
internal sealed class OrderStock(string orderId, Func<OrderState> order, Func<Task> save, IGrainFactory grains, OrderOptions options, ILogger logger)
{
    public enum Hold
    {
        Held,
        Insufficient,
        SpentIds,
    }

    private OrderState S => order();

    /// <summary>
    /// Holds every line or none: on a refusal the caller releases the lines already held. <paramref name="why"/> is what
    /// the first cell short of stock said (how many it has, or when its sale starts).
    /// </summary>
    public async Task<Hold> ReserveAllAsync(List<OrderLine> lines, Action<string> why)
    {
        var results = await Task.WhenAll(lines.Select(l => CellOf(l).ReserveAsync(l.ReservationId, l.Quantity, options.ReservationTtl)));
        if (results.All(r => r.Succeeded))
        {
            return Hold.Held;
        }

        if (results.FirstOrDefault(r => r.Outcome == CellOutcome.Insufficient) is { Detail: { } detail } scarce)
        {
            why($"{scarce.Cell.Sku} at {scarce.Cell.LocationId}: {detail}");
        }

        return results.Any(r => r.Outcome == CellOutcome.Conflict) ? Hold.SpentIds : Hold.Insufficient;
    }

    /// <summary>Gives every line's stock back (see <see cref="GiveBackAsync"/>). Idempotent.</summary>
    public Task GiveBackAllAsync(List<OrderLine> lines) => Task.WhenAll(lines.Select(GiveBackAsync));

    /// <summary>
    /// Gives a line's stock back whatever became of its hold: released while live, restocked once committed
    /// (a release answered "restock it instead" must not lose units). Idempotent.
    /// </summary>
    public async Task GiveBackAsync(OrderLine line)
    {
        var released = await CellOf(line).ReleaseAsync(line.ReservationId);
        if (released.Outcome == CellOutcome.Conflict)
        {
            var restocked = await CellOf(line).RestockAsync(line.ReservationId);
            if (!restocked.Succeeded)
            {
                logger.RestockFailed(orderId, line.Sku, line.LocationId, restocked.Detail);
            }
        }
    }

    /// <summary>Makes line <paramref name="index"/> hold live stock: renews its hold, or holds anew under a new, saved id.</summary>
    public async Task<bool> HoldLineAsync(int index)
    {
        var line = S.Lines[index];
        var held = await CellOf(line).ReserveAsync(line.ReservationId, line.Quantity, options.ReservationTtl);
        if (held.Succeeded)
        {
            return true;
        }

        if (held.Outcome == CellOutcome.Insufficient)
        {
            return false;
        }

        await RenewLineIdAsync(index); // the hold ended (lapsed, released or given back): its id is spent
        line = S.Lines[index];
        return (await CellOf(line).ReserveAsync(line.ReservationId, line.Quantity, options.ReservationTtl)).Succeeded;
    }

    /// <summary>Gives line <paramref name="index"/> a new reservation id, saved before it is used at the cell.</summary>
    private async Task RenewLineIdAsync(int index)
    {
        S.Lines[index] = S.Lines[index] with { ReservationId = $"{orderId}.h{S.NextHold}" };
        S.NextHold++;
        await save();
    }

    /// <summary>Commits a line's hold: its stock leaves the shelf.</summary>
    public Task<CellResult> CommitAsync(OrderLine line) => CellOf(line).CommitAsync(line.ReservationId);

    /// <summary>Units of <paramref name="sku"/> available at <paramref name="locationId"/> now.</summary>
    public async Task<int> AvailableAsync(string sku, string locationId) =>
        (await grains.Cell(new CellKey(sku, locationId)).GetSnapshotAsync()).Available;

    private IInventoryCellGrain CellOf(OrderLine line) => grains.Cell(new CellKey(line.Sku, line.LocationId));
}
