using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Orders;

/// <summary>One order (key <see cref="Keys.OrderId"/>): its lines, fulfilment, state machine and history.</summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reserves every line at its chosen location, all or nothing (a failed line releases the others).
    /// Idempotent: the same request again returns the placed order; a different request is <see cref="OrderOutcome.KeyReused"/>.
    /// </summary>
    Task<OrderResult> PlaceAsync(PlaceOrder request);

    /// <summary>Commits every line's reservation (stock leaves the shelf). Idempotent.</summary>
    Task<OrderResult> PackAsync(string actor);

    /// <summary>A packed pickup order is waiting at the store. Idempotent.</summary>
    Task<OrderResult> MarkReadyForPickupAsync(string actor);

    /// <summary>Assigns a packed delivery order to a courier. Idempotent for the same courier.</summary>
    Task<OrderResult> DispatchAsync(CourierId courier, string actor);

    /// <summary>The courier (delivery) or the shopper (pickup) has the goods. Idempotent.</summary>
    Task<OrderResult> MarkPickedUpAsync(string actor);

    /// <summary>The courier handed the goods over. Idempotent.</summary>
    Task<OrderResult> MarkDeliveredAsync(string actor);

    /// <summary>Cancels before pickup: releases live reservations, restocks committed ones. Idempotent.</summary>
    Task<OrderResult> CancelAsync(string actor, string? reason);

    /// <summary>
    /// The shopper's survey answer (0–10) once they have the goods; the same answer again is a replay, another answer is
    /// refused (one answer per order). A promoter (9–10) or detractor (0–6) moves the NPS of the order's region.
    /// </summary>
    Task<OrderResult> AnswerSurveyAsync(int score);

    /// <summary>
    /// Holds <paramref name="quantity"/> units of the line <paramref name="sku"/> of a delivered or collected order for the
    /// return <paramref name="returnId"/>: units no other return holds. Idempotent per return id (the same claim again is
    /// <see cref="OrderOutcome.Replayed"/>, another under the same id <see cref="OrderOutcome.KeyReused"/>); more units than
    /// are left is <see cref="OrderOutcome.Insufficient"/>, a sku the order lacks <see cref="OrderOutcome.Invalid"/>.
    /// </summary>
    Task<OrderResult> ClaimReturnAsync(string returnId, string sku, int quantity);

    /// <summary>Lets the units a return held go (the return was rejected). Idempotent; a settled return's units stay.</summary>
    Task<OrderResult> ReleaseReturnAsync(string returnId);

    /// <summary>
    /// The return's units are back and settled: the order becomes <see cref="OrderStatus.PartiallyReturned"/>, or
    /// <see cref="OrderStatus.Returned"/> once every unit it sold is back, with the return in its history. Idempotent.
    /// </summary>
    Task<OrderResult> SettleReturnAsync(string returnId);

    /// <summary>
    /// Finishes what the order left unfinished (an interrupted plan, step or duty), expires it when it was not packed
    /// in time, and stores when it is next due. Called by the order sweeper when its due time came; idempotent.
    /// </summary>
    Task CatchUpAsync();

    /// <summary>The order, or null when none was placed under this id.</summary>
    [ReadOnly]
    Task<OrderView?> GetAsync();
}
