using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Push;

namespace Tandem.Grains.Interfaces.Couriers;

/// <summary>One courier (key <see cref="Keys.CourierId"/>): position, status, capacity and assignments.</summary>
public interface ICourierGrain : IGrainWithStringKey
{
    /// <summary>Creates the courier, or updates name and capacity of an existing one. Idempotent.</summary>
    Task<CourierView> RegisterAsync(string name, int capacity, GeoPoint? position, CourierStatus status);

    /// <summary>Moves the courier; a position timed before the one held is ignored (<see cref="CourierOutcome.Stale"/>).</summary>
    Task<CourierResult> UpdatePositionAsync(GeoPoint position, DateTimeOffset at);

    /// <summary>Goes online (idle) or offline; refused while carrying orders. Idempotent.</summary>
    Task<CourierResult> SetAvailabilityAsync(bool online);

    /// <summary>Takes an order if online and below capacity. Idempotent by order id.</summary>
    Task<CourierResult> AssignAsync(CourierAssignment assignment);

    /// <summary>
    /// Offers an order to an online courier with room and no other open offer; <see cref="CourierOutcome.Unavailable"/>
    /// otherwise. Idempotent for the same order.
    /// </summary>
    Task<CourierResult> OfferAsync(CourierOffer offer);

    /// <summary>
    /// The courier accepts or declines the open offer of <paramref name="order"/>. Accepting only closes the offer:
    /// the caller then dispatches the order to this courier. A repeated answer is <see cref="CourierOutcome.Replayed"/>;
    /// no open offer (expired, withdrawn, another order) is <see cref="CourierOutcome.Conflict"/>.
    /// </summary>
    Task<CourierResult> AnswerOfferAsync(OrderId order, bool accept);

    /// <summary>
    /// Sets where the courier's phone receives Web Push (offers arrive there too); null removes it. With
    /// <paramref name="onlyIfEndpoint"/>, changes nothing unless that is the subscription held. Idempotent.
    /// </summary>
    Task<CourierResult> SetPushSubscriptionAsync(PushSubscription? subscription, string? onlyIfEndpoint = null);

    /// <summary>Takes back the offer of <paramref name="order"/> if it is still open. Idempotent.</summary>
    Task<CourierResult> WithdrawOfferAsync(OrderId order);

    /// <summary>The courier has collected the order. Idempotent.</summary>
    Task<CourierResult> MarkPickedUpAsync(OrderId order);

    /// <summary>Drops the order from the assignments (delivered or cancelled). Idempotent.</summary>
    Task<CourierResult> UnassignAsync(OrderId order);

    /// <summary>The courier, or null when none is registered under this id.</summary>
    [ReadOnly]
    Task<CourierView?> GetAsync();
}
