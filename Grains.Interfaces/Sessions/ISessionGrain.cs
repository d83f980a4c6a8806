using Tandem.Contracts.Catalog;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Interfaces.Sessions;

/// <summary>A shopper session (key <see cref="Keys.SessionId"/>): cart, recent behaviour and open orders.</summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes <paramref name="shopper"/> the session's owner unless another shopper already is. Returns whether
    /// the session is theirs. Idempotent; ownership never changes once given.
    /// </summary>
    Task<bool> ClaimAsync(ShopperId shopper);

    /// <summary>
    /// Sets the cart quantity of a sku (0 removes it) for the session's shopper, claiming an unowned session; null
    /// when another shopper owns it (nothing changes). Idempotent: it sets, it does not add.
    /// </summary>
    Task<SessionView?> SetCartLineAsync(ShopperId shopper, string sku, int quantity);

    /// <summary>
    /// Appends behaviour events for the session's shopper, claiming an unowned session, keeping the most recent
    /// <see cref="SessionLimits.MaxRecentEvents"/>. A batch sent again (same events) is not counted twice. Returns how
    /// many events were new, or null when another shopper owns the session (nothing changes). <paramref name="place"/>
    /// is where the shopper shops for (where the shop delivers them): with the session's first behaviour it fixes the
    /// region whose live KPIs count the session (that of the nearest location); later it changes nothing.
    /// </summary>
    Task<int?> RecordEventsAsync(ShopperId shopper, IReadOnlyList<BehaviourEvent> events, GeoPoint? place = null);

    /// <summary>
    /// Notes an order the shopper placed (worth <paramref name="revenue"/>), and removes its skus from the cart; each
    /// experiment the session met counts it as a conversion of its variant. Idempotent.
    /// </summary>
    Task OrderPlacedAsync(OrderId order, IReadOnlyList<string> skus, decimal revenue);

    /// <summary>Removes an order from the open orders once it is finished or cancelled. Idempotent.</summary>
    Task OrderClosedAsync(OrderId order);

    [ReadOnly]
    Task<SessionView> GetAsync();

    /// <summary>
    /// Keeps picks the shopper had on screen, for the bandit: a pick clicked credits its strategy, one not clicked within
    /// the impression window counts as a miss. Returns how many of them the session now holds, or null when the session is
    /// another shopper's. Idempotent (an impression is its list version and sku).
    /// </summary>
    Task<int?> RecordImpressionsAsync(ShopperId shopper, IReadOnlyList<ShownPick> picks);

    /// <summary>
    /// A click on a shown pick: credits its strategy with a click (once). True when it was shown, false when no such
    /// impression is held, null when the session is another shopper's. Idempotent.
    /// </summary>
    Task<bool?> RecordPickClickAsync(ShopperId shopper, long version, string sku);

    /// <summary>
    /// The session met these experiments' variants (the recommender used them for its picks): each is kept with when it
    /// was first met, and told to the experiment's tally through the session's outbox. Idempotent: a variant met again
    /// changes nothing. Returns the experiments the session has met.
    /// </summary>
    Task<IReadOnlyList<ExperimentExposure>> ExposeAsync(IReadOnlyList<ExperimentExposure> exposures);

    /// <summary>
    /// The layout of the session's product pages: the variant's of the running experiment that sets it for the session
    /// (recorded as an exposure, as <see cref="ExposeAsync"/> does), else the shop's own. Claims an unowned session; null
    /// when another shopper owns it. Idempotent.
    /// </summary>
    Task<PageLayoutChoice?> ChooseLayoutAsync(ShopperId shopper);

    /// <summary>Delivers what the session still owes other grains (lessons for the product graph). Idempotent; the sweeper calls it for due sessions.</summary>
    Task CatchUpAsync();
}
