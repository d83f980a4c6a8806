using Tandem.Contracts.Catalog;
using Tandem.Contracts.Orders;
using Tandem.Grains.Catalog;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Returns;

namespace Tandem.Grains.Orders;

/// <summary>
/// The placement saga of one order: claim the shopper's session, check the request, plan one location for every line,
/// count the units against the shopper, hold every line at its cell, or let everything go and say why. The plan (lines,
/// cells, reservation ids) is saved before any hold is taken, so a retry after a failure reuses exactly those holds; a
/// plan never completed is abandoned by the order's reminder. The order supplies its live state and how to save it.
/// </summary>
internal sealed class OrderPlacement(
    string orderId, Func<OrderState> order, Func<Task> save, IGrainFactory grains, CatalogFacts catalog, OrderStock stock, OrderOutbox outbox,
    OrderOptions options, TimeProvider clock)
{
    /// <summary>How a placement ended.</summary>
    public abstract record Outcome;

    /// <summary>Every line is held; the order is placed (and moves on to Reserved).</summary>
    public sealed record Placed(List<string> Skus) : Outcome;

    /// <summary>The same request was placed before under this key.</summary>
    public sealed record Replayed : Outcome;

    /// <summary>Not placed, and nothing is held.</summary>
    public sealed record Refused(OrderOutcome Outcome, string Detail) : Outcome;

    private OrderState S => order();

    /// <summary>Places <paramref name="request"/>, or says why not; on <see cref="Placed"/> the order moves to Reserved.</summary>
    public async Task<Outcome> PlaceAsync(PlaceOrder request)
    {
        var fingerprint = request.Fingerprint();
        if (S.Placed)
        {
            return S.Fingerprint == fingerprint
                ? new Replayed()
                : new Refused(OrderOutcome.KeyReused, "This idempotency key was used for a different order.");
        }

        if (S.Lines.Count > 0 && S.Fingerprint != fingerprint)
        {
            await AbandonPlanAsync(); // an interrupted placement of another request under this key: let its holds go
        }

        // The session is claimed while the silo's catalog facts are read (asked of the catalog only when not held).
        var skus = request.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        var claiming = grains.Session(request.SessionId).ClaimAsync(request.ShopperId);
        var reading = catalog.ReadAsync(skus, request.Mode == FulfilmentMode.Pickup ? request.PickupLocationId : null);
        await Task.WhenAll(claiming, reading);
        if (!await claiming)
        {
            return new Refused(OrderOutcome.UnknownReference, $"No session {request.SessionId}.");
        }

        var (products, locations) = await reading;
        var unknown = skus.Where(s => !products.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
        {
            return new Refused(OrderOutcome.UnknownReference, $"Unknown sku: {string.Join(", ", unknown)}.");
        }

        IReadOnlyList<Location> candidates;
        if (request.Mode == FulfilmentMode.Pickup)
        {
            var store = locations.FirstOrDefault(l => l.Id == request.PickupLocationId);
            if (store is null)
            {
                return new Refused(OrderOutcome.UnknownReference, $"Unknown location: {request.PickupLocationId}.");
            }

            if (store.Kind != LocationKind.Store)
            {
                return new Refused(OrderOutcome.Invalid, $"{store.Name} is a warehouse; pick-up is only at stores.");
            }

            candidates = [store];
        }
        else
        {
            if (request.DeliveryAddress is not { } address)
            {
                return new Refused(OrderOutcome.Invalid, "A delivery order needs an address.");
            }

            candidates = NearestFirst(locations, address);
        }

        var attempts = request.Mode == FulfilmentMode.Pickup ? 1 : Math.Max(1, options.PlaceAttempts);
        var spentRetries = 0;
        string? lastShort = null; // what the last cell short of stock said
        var locationsRead = false;
        for (var tries = 1; tries <= attempts; tries++)
        {
            if (S.Lines.Count == 0)
            {
                // A new plan, saved before any hold is taken: a retry after a failure reuses exactly these holds.
                var plan = await FulfilmentPlanner.PlanAsync(request.Lines, candidates, stock.AvailableAsync);
                if (plan.LocationId is null && request.DeliveryAddress is { } address && !locationsRead)
                {
                    // The held locations may be up to a second old: a location added since may be the one with the stock.
                    locationsRead = true;
                    var fresh = await catalog.ReadLocationsAsync();
                    if (!fresh.SequenceEqual(locations))
                    {
                        locations = fresh;
                        candidates = NearestFirst(locations, address);
                        plan = await FulfilmentPlanner.PlanAsync(request.Lines, candidates, stock.AvailableAsync);
                    }
                }

                if (plan.LocationId is not { } from)
                {
                    return await RefusePlacementAsync(OrderOutcome.Insufficient, plan.Unavailable.Count > 0
                        ? $"Not enough stock for: {string.Join(", ", plan.Unavailable)}."
                        : "No single location has every line: an order comes from one location, so order these lines separately.");
                }

                var attempt = S.NextAttempt;
                S.Lines = [.. request.Lines.Select((l, i) => new OrderLine
                {
                    Sku = l.Sku,
                    Quantity = l.Quantity,
                    LocationId = from,
                    ReservationId = $"{orderId}.{attempt}.{i}",
                    UnitPrice = products[l.Sku].Price,
                })];
                S.Fingerprint = fingerprint;
                S.ShopperId = request.ShopperId.Value;
                S.SessionId = request.SessionId.Value;
                S.PlannedAt = clock.GetUtcNow();
                S.MayCountUnits = true;
                await save();
            }

            // No shopper may hold every unit: the order's units count against its shopper until it is packed.
            var units = S.Lines.Sum(l => l.Quantity);
            var counted = await grains.ShopperHolds(request.ShopperId).TryHoldAsync(new OrderId(orderId), units, options.MaxReservedUnitsPerShopper);
            if (!counted.Allowed)
            {
                S.Lines = [];
                S.PlannedAt = null; // saved by the refusal
                return await RefusePlacementAsync(OrderOutcome.HoldLimitReached,
                    $"You hold {counted.Held} units in orders not yet packed; at most {options.MaxReservedUnitsPerShopper} at once.");
            }

            if (request.CouponCode is { } code && S.CouponCode != code)
            {
                S.CouponCode = code;
                await save(); // from here a placement that is refused or abandoned gives the coupon back
                var coupon = await grains.Coupon(code).RedeemAsync(request.ShopperId.Value, orderId);
                if (!coupon.Succeeded)
                {
                    S.CouponCode = null; // not spent: nothing to give back
                    S.Lines = [];
                    S.PlannedAt = null;
                    return await RefusePlacementAsync(
                        coupon.Outcome == CouponOutcome.NotFound ? OrderOutcome.UnknownReference : OrderOutcome.InvalidTransition,
                        coupon.Detail ?? $"Coupon {code} cannot be spent.");
                }

                S.Discount = Math.Min(coupon.Coupon!.Amount, S.Lines.Sum(l => l.UnitPrice * l.Quantity));
            }

            var held = await stock.ReserveAllAsync(S.Lines, detail => lastShort = detail);
            if (held == OrderStock.Hold.Held)
            {
                var now = clock.GetUtcNow();
                S.Placed = true;
                S.Mode = request.Mode;
                S.PickupLocationId = request.PickupLocationId;
                S.DeliveryAddress = request.DeliveryAddress;
                S.PlacedAt = now;
                S.PlannedAt = null;
                S.History.Add(new OrderTransition { From = null, To = OrderStatus.Placed, At = now, Actor = "shopper:" + request.ShopperId });
                return new Placed(skus);
            }

            // This plan's holds are released and its ids are spent; the next attempt plans anew with new ones.
            await stock.GiveBackAllAsync(S.Lines);
            S.Lines = [];
            S.PlannedAt = null;
            S.NextAttempt++;
            await save();
            if (held == OrderStock.Hold.SpentIds && spentRetries++ < 3)
            {
                tries--; // an earlier, interrupted attempt used these ids: not a verdict on stock
            }
        }

        return await RefusePlacementAsync(OrderOutcome.Insufficient, $"Stock ran out while reserving; nothing is held.{(lastShort is null ? "" : $" {lastShort}")}");
    }

    private static List<Location> NearestFirst(IReadOnlyList<Location> locations, GeoPoint address) =>
        [.. locations.OrderBy(l => l.Position.DistanceKm(address))];

    /// <summary>
    /// Ends a placement that holds nothing: the shopper's count, if it may have been taken, and the coupon, if it may have
    /// been spent, are let go (outbox duties).
    /// </summary>
    private async Task<Outcome> RefusePlacementAsync(OrderOutcome outcome, string detail)
    {
        S.Fingerprint = "";
        var owed = GiveBackCoupon();
        if (S.MayCountUnits)
        {
            S.MayCountUnits = false;
            S.Duties.Add(new OrderDuty { Kind = OrderDutyKind.ReleaseShopperHold });
            owed = true;
        }

        if (owed)
        {
            await save();
            await outbox.DeliverAsync();
        }

        return new Refused(outcome, detail);
    }

    /// <summary>Writes the duty that gives the coupon back, if one may have been spent; true when it did.</summary>
    private bool GiveBackCoupon()
    {
        if (S.CouponCode is not { } code)
        {
            return false;
        }

        S.Duties.Add(new OrderDuty { Kind = OrderDutyKind.ReleaseCoupon, Reference = code });
        (S.CouponCode, S.Discount) = (null, 0m);
        return true;
    }

    /// <summary>Lets go of the holds of a plan whose placement never completed.</summary>
    public async Task AbandonPlanAsync()
    {
        await stock.GiveBackAllAsync(S.Lines);
        S.Lines = [];
        S.PlannedAt = null;
        S.Fingerprint = "";
        S.NextAttempt++;
        S.MayCountUnits = false;
        S.Duties.Add(new OrderDuty { Kind = OrderDutyKind.ReleaseShopperHold });
        GiveBackCoupon();
        await save();
        await outbox.DeliverAsync();
    }
}
