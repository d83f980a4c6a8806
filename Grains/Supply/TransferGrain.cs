using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Supply;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Supply;

namespace Tandem.Grains.Supply;

/// <summary>One movement of stock to a store; see <see cref="ITransferGrain"/>.</summary>
public sealed class TransferGrain(
    [PersistentState("transfer", StorageNames.Grains)] IPersistentState<TransferState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock) : Grain, ITransferGrain
{
    /// <summary>How long the warehouse's hold lasts between being taken and committed (moments, unless a call fails between).</summary>
    private static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(10);

    private TransferState S => state.State;

    public async Task<TransferAnswer> StartAsync(TransferView order)
    {
        var id = this.GetPrimaryKeyString();
        if (S.Transfer is { } known && !Same(known, order))
        {
            return new TransferAnswer { Transfer = known, Refused = $"Transfer {id} is another transfer ({known.Quantity} of {known.Sku} to {known.ToLocationId})." };
        }

        if (S.Transfer is null)
        {
            S.Transfer = order with { TransferId = id, Status = TransferStatus.Shipped, ReceivedAt = null, ReceivedBy = null };
            await state.WriteStateAsync();
        }

        if (!S.Shipped)
        {
            var transfer = S.Transfer;
            if (transfer.FromLocationId is { } from)
            {
                var cell = GrainFactory.Cell(new CellKey(transfer.Sku, from));
                var held = await cell.ReserveAsync(id, transfer.Quantity, HoldFor);
                var committed = held.Succeeded ? await cell.CommitAsync(id) : held;
                if (!committed.Succeeded)
                {
                    // Nothing left the warehouse: the transfer is forgotten, so the same id can be asked again later.
                    await cell.ReleaseAsync(id);
                    S.Transfer = null;
                    await state.WriteStateAsync();
                    return new TransferAnswer { Refused = committed.Detail ?? $"{from} has not {transfer.Quantity} of {transfer.Sku} available." };
                }
            }

            S.Shipped = true;
            await state.WriteStateAsync();
        }

        return new TransferAnswer { Transfer = S.Transfer };
    }

    public async Task<TransferAnswer> ReceiveAsync(string actor)
    {
        if (S.Transfer is not { } transfer || !S.Shipped)
        {
            return new TransferAnswer { Unknown = true };
        }

        if (transfer.Status != TransferStatus.Received)
        {
            var received = await GrainFactory.Cell(new CellKey(transfer.Sku, transfer.ToLocationId)).ReceiveAsync(transfer.Quantity, this.GetPrimaryKeyString(), actor);
            if (!received.Succeeded)
            {
                return new TransferAnswer { Transfer = transfer, Refused = received.Detail ?? "The store's cell refused the receipt." };
            }

            S.Transfer = transfer with { Status = TransferStatus.Received, ReceivedAt = clock.GetUtcNow(), ReceivedBy = actor };
            await state.WriteStateAsync();
        }

        return new TransferAnswer { Transfer = S.Transfer };
    }

    public Task<TransferView?> GetAsync() => Task.FromResult(S.Shipped ? S.Transfer : null);

    private static bool Same(TransferView a, TransferView b) =>
        a.Sku == b.Sku && a.FromLocationId == b.FromLocationId && a.ToLocationId == b.ToLocationId && a.Quantity == b.Quantity;
}
