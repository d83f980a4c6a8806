using Tandem.Contracts.Inventory;

namespace Tandem.Grains.Interfaces.Inventory;

/// <summary>
/// One SKU at one location (key <see cref="Keys.CellKey"/>). Owns on-hand, bin and reservations;
/// <c>available = onHand − reserved</c> never goes below zero: the grain refuses instead.
/// </summary>
public interface IInventoryCellGrain : IGrainWithStringKey
{
    /// <summary>Adds stock. Idempotent by <paramref name="reference"/>: a repeated reference changes nothing.</summary>
    Task<CellResult> ReceiveAsync(int quantity, string reference, string actor);

    /// <summary>
    /// Holds <paramref name="quantity"/> units until <paramref name="ttl"/> passes, all or nothing.
    /// Idempotent by <paramref name="reservationId"/>; the same id with another quantity is a conflict.
    /// </summary>
    Task<CellResult> ReserveAsync(string reservationId, int quantity, TimeSpan ttl);

    /// <summary>The reserved units leave the building (on-hand drops). Idempotent.</summary>
    Task<CellResult> CommitAsync(string reservationId);

    /// <summary>Gives a live reservation back to available stock. Idempotent.</summary>
    Task<CellResult> ReleaseAsync(string reservationId);

    /// <summary>Puts committed units of a reservation back on hand (a cancelled, packed order). Idempotent.</summary>
    Task<CellResult> RestockAsync(string reservationId);

    /// <summary>
    /// Cycle count: sets on-hand to the counted number. Refused when the count is below what is reserved.
    /// Idempotent by <paramref name="reference"/>.
    /// </summary>
    Task<CellResult> AdjustAsync(int countedOnHand, string reason, string reference, string actor);

    /// <summary>
    /// Puts the cell's units on sale at <paramref name="startsAt"/> (null: now): reservations asked before are refused as
    /// insufficient, saying when the sale starts. Idempotent: the same time again changes nothing.
    /// </summary>
    Task<CellResult> ScheduleSaleAsync(DateTimeOffset? startsAt, string actor);

    /// <summary>Sets where the SKU sits in the building.</summary>
    Task<CellSnapshot> SetBinAsync(Bin bin);

    /// <summary>The cell now, after releasing any reservation that has expired.</summary>
    Task<CellSnapshot> GetSnapshotAsync();

    /// <summary>The last 100 changes to on hand (receipts, counts, restocks), oldest first, with their actors; all of them saved.</summary>
    Task<IReadOnlyList<CellHistoryEntry>> GetHistoryAsync();
}
