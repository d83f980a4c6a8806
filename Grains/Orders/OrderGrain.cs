using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Catalog;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Errors;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Sessions;
using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Grains.Orders;

/// <summary>
/// One order. Drives its own small saga: reserving its lines at inventory cells, committing them when
/// packed, and assigning a courier. Not reentrant, so two commands on one order never interleave.
/// </summary>
public sealed class OrderGrain(
    [PersistentState("order", StorageNames.Grains)] IPersistentState<OrderState> state,
    IOptions<OrderOptions> options,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain
{
    private const string System = "system";

    private EventPublisher? _events;

    private OrderState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        return Task.CompletedTask;
    }

    public async Task<OrderResult> PlaceAsync(PlaceOrder request)
    {
        var fingerprint = request.Fingerprint();
        if (S.Placed)
        {
            return S.Fingerprint == fingerprint
                ? Result(OrderOutcome.Replayed)
                : Refuse(OrderOutcome.KeyReused, "This idempotency key was used for a different order.");
        }

        var catalog = GrainFactory.Catalog();
        var skus = request.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        var products = (await catalog.GetProductsAsync(skus)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var unknown = skus.Where(s => !products.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
        {
            return Refuse(OrderOutcome.UnknownReference, $"Unknown sku: {string.Join(", ", unknown)}.");
        }

        var locations = await catalog.GetLocationsAsync();
        IReadOnlyList<Location> candidates;
        if (request.Mode == FulfilmentMode.Pickup)
        {
            var store = locations.FirstOrDefault(l => l.Id == request.PickupLocationId);
            if (store is null)
            {
                return Refuse(OrderOutcome.UnknownReference, $"Unknown location: {request.PickupLocationId}.");
            }

            if (store.Kind != LocationKind.Store)
            {
                return Refuse(OrderOutcome.Invalid, $"{store.Name} is a warehouse; pick-up is only at stores.");
            }

            candidates = [store];
        }
        else
        {
            if (request.DeliveryAddress is not { } address)
            {
                return Refuse(OrderOutcome.Invalid, "A delivery order needs an address.");
            }

            candidates = [.. locations.OrderBy(l => l.Position.DistanceKm(address))];
        }

        var attempts = request.Mode == FulfilmentMode.Pickup ? 1 : Math.Max(1, options.Value.PlaceAttempts);
        var spentRetries = 0;
        for (var tries = 1; tries <= attempts; tries++)
        {
            var plan = await FulfilmentPlanner.PlanAsync(request.Lines, candidates, AvailableAsync);
            var missing = request.Lines.Where((_, i) => plan[i] is null).Select(l => l.Sku).ToList();
            if (missing.Count > 0)
            {
                return Refuse(OrderOutcome.Insufficient, $"Not enough stock for: {string.Join(", ", missing)}.");
            }

            var attempt = S.NextAttempt;
            var lines = request.Lines.Select((l, i) => new OrderLine
            {
                Sku = l.Sku,
                Quantity = l.Quantity,
                LocationId = plan[i]!,
                ReservationId = $"{Id}.{attempt}.{i}",
                UnitPrice = products[l.Sku].Price,
            }).ToList();

            var held = await ReserveAllAsync(lines);
            if (held == Hold.Held)
            {
                var now = clock.GetUtcNow();
                S.Placed = true;
                S.Fingerprint = fingerprint;
                S.ShopperId = request.ShopperId;
                S.SessionId = request.SessionId;
                S.Mode = request.Mode;
                S.PickupLocationId = request.PickupLocationId;
                S.DeliveryAddress = request.DeliveryAddress;
                S.Lines = lines;
                S.PlacedAt = now;
                S.History.Add(new OrderTransition { From = null, To = OrderStatus.Placed, At = now, Actor = "shopper:" + request.ShopperId });
                var result = await MoveAsync(OrderStatus.Reserved, System, null);
                await TellSessionAsync(s => s.OrderPlacedAsync(Id, skus));
                return result;
            }

            // This attempt's holds are released and its ids are spent; the next attempt uses new ones.
            S.NextAttempt = attempt + 1;
            await state.SaveAsync(this);
            if (held == Hold.SpentIds && spentRetries++ < 3)
            {
                tries--; // an earlier, interrupted attempt used these ids: not a verdict on stock
            }
        }

        return Refuse(OrderOutcome.Insufficient, "Stock ran out while reserving; nothing is held.");
    }

    public async Task<OrderResult> PackAsync(string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        if (S.Status != OrderStatus.Reserved)
        {
            return S.History.Any(h => h.To == OrderStatus.Packed) && S.Status != OrderStatus.Cancelled
                ? Result(OrderOutcome.Replayed)
                : Refuse(OrderOutcome.InvalidTransition, $"A {S.Status} order cannot be packed.");
        }

        // Every line must hold a live reservation before any stock leaves: renew the ones that lapsed.
        var renewed = new List<OrderLine>();
        for (var i = 0; i < S.Lines.Count; i++)
        {
            var line = S.Lines[i];
            var held = await CellOf(line).ReserveAsync(line.ReservationId, line.Quantity, options.Value.ReservationTtl);
            if (held.Succeeded)
            {
                continue;
            }

            var renewal = line with { ReservationId = $"{line.ReservationId}.r{S.Version}" };
            var again = await CellOf(renewal).ReserveAsync(renewal.ReservationId, renewal.Quantity, options.Value.ReservationTtl);
            if (!again.Succeeded)
            {
                await Task.WhenAll(renewed.Select(r => CellOf(r).ReleaseAsync(r.ReservationId)));
                return Refuse(OrderOutcome.Insufficient, $"The hold on {line.Sku} lapsed and the stock is gone.");
            }

            renewed.Add(renewal);
            S.Lines[i] = renewal;
        }

        await Task.WhenAll(S.Lines.Select(l => CellOf(l).CommitAsync(l.ReservationId)));
        return await MoveAsync(OrderStatus.Packed, actor, null);
    }

    public async Task<OrderResult> MarkReadyForPickupAsync(string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        if (S.Status == OrderStatus.ReadyForPickup)
        {
            return Result(OrderOutcome.Replayed);
        }

        if (S.Mode != FulfilmentMode.Pickup || S.Status != OrderStatus.Packed)
        {
            return Refuse(OrderOutcome.InvalidTransition, $"A {S.Mode} order in {S.Status} cannot become ready for pick-up.");
        }

        return await MoveAsync(OrderStatus.ReadyForPickup, actor, null);
    }

    public async Task<OrderResult> DispatchAsync(string courierId, string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        if (S.Status == OrderStatus.Dispatched && S.CourierId == courierId)
        {
            return Result(OrderOutcome.Replayed);
        }

        if (S.Mode != FulfilmentMode.Delivery || S.Status != OrderStatus.Packed)
        {
            return Refuse(OrderOutcome.InvalidTransition, $"A {S.Mode} order in {S.Status} cannot be dispatched.");
        }

        var locations = await GrainFactory.Catalog().GetLocationsAsync();
        var pickup = locations.First(l => l.Id == S.Lines[0].LocationId);
        var assigned = await GrainFactory.Courier(new CourierId(courierId)).AssignAsync(new CourierAssignment
        {
            OrderId = Id,
            PickupLocationId = pickup.Id,
            Pickup = pickup.Position,
            Dropoff = S.DeliveryAddress!,
            AssignedAt = clock.GetUtcNow(),
        });
        if (!assigned.Succeeded)
        {
            return assigned.Outcome == CourierOutcome.NotFound
                ? Refuse(OrderOutcome.UnknownReference, $"Unknown courier: {courierId}.")
                : Refuse(OrderOutcome.CourierUnavailable, assigned.Detail ?? "The courier cannot take the order.");
        }

        S.CourierId = courierId;
        return await MoveAsync(OrderStatus.Dispatched, actor, $"courier {courierId}");
    }

    public async Task<OrderResult> MarkPickedUpAsync(string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        switch (S.Status)
        {
            case OrderStatus.PickedUp:
                return Result(OrderOutcome.Replayed);
            case OrderStatus.Dispatched:
                await GrainFactory.Courier(new CourierId(S.CourierId!)).MarkPickedUpAsync(Id);
                return await MoveAsync(OrderStatus.PickedUp, actor, null);
            case OrderStatus.ReadyForPickup:
                var collected = await MoveAsync(OrderStatus.PickedUp, actor, "collected in store");
                await TellSessionAsync(s => s.OrderClosedAsync(Id));
                return collected;
            default:
                return Refuse(OrderOutcome.InvalidTransition, $"A {S.Status} order cannot be picked up.");
        }
    }

    public async Task<OrderResult> MarkDeliveredAsync(string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        if (S.Status == OrderStatus.Delivered)
        {
            return Result(OrderOutcome.Replayed);
        }

        if (S.Mode != FulfilmentMode.Delivery || S.Status != OrderStatus.PickedUp)
        {
            return Refuse(OrderOutcome.InvalidTransition, $"A {S.Mode} order in {S.Status} cannot be delivered.");
        }

        await GrainFactory.Courier(new CourierId(S.CourierId!)).UnassignAsync(Id);
        var delivered = await MoveAsync(OrderStatus.Delivered, actor, null);
        await TellSessionAsync(s => s.OrderClosedAsync(Id));
        return delivered;
    }

    public async Task<OrderResult> CancelAsync(string actor, string? reason)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        switch (S.Status)
        {
            case OrderStatus.Cancelled:
                return Result(OrderOutcome.Replayed);
            case OrderStatus.PickedUp or OrderStatus.Delivered or OrderStatus.Returned:
                return Refuse(OrderOutcome.InvalidTransition, $"A {S.Status} order can no longer be cancelled.");
            case OrderStatus.Placed or OrderStatus.Reserved:
                await Task.WhenAll(S.Lines.Select(l => CellOf(l).ReleaseAsync(l.ReservationId)));
                break;
            default:
                await Task.WhenAll(S.Lines.Select(l => CellOf(l).RestockAsync(l.ReservationId)));
                if (S.CourierId is { } courier)
                {
                    await GrainFactory.Courier(new CourierId(courier)).UnassignAsync(Id);
                }

                break;
        }

        var cancelled = await MoveAsync(OrderStatus.Cancelled, actor, reason);
        await TellSessionAsync(s => s.OrderClosedAsync(Id));
        return cancelled;
    }

    public Task<OrderView?> GetAsync() => Task.FromResult(S.Placed ? View() : null);

    private enum Hold
    {
        Held,
        Insufficient,
        SpentIds,
    }

    /// <summary>Holds every line or none: a refusal releases the lines already held.</summary>
    private async Task<Hold> ReserveAllAsync(List<OrderLine> lines)
    {
        var ttl = options.Value.ReservationTtl;
        var attempts = lines.Select(l => CellOf(l).ReserveAsync(l.ReservationId, l.Quantity, ttl)).ToList();
        CellResult[] results;
        try
        {
            results = await Task.WhenAll(attempts);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reserving the lines of order {OrderId} failed; releasing what was held", Id);
            await ReleaseAllAsync(lines);
            S.NextAttempt++;
            try
            {
                await state.SaveAsync(this);
            }
            catch (StorageUnavailableException)
            {
                // The retry then meets spent ids, which PlaceAsync treats as "try fresh ids", not as a refusal.
            }

            throw;
        }

        if (results.All(r => r.Succeeded))
        {
            return Hold.Held;
        }

        await ReleaseAllAsync(lines);
        return results.Any(r => r.Outcome == CellOutcome.Conflict) ? Hold.SpentIds : Hold.Insufficient;
    }

    private Task ReleaseAllAsync(List<OrderLine> lines) =>
        Task.WhenAll(lines.Select(l => CellOf(l).ReleaseAsync(l.ReservationId)));

    private async Task<int> AvailableAsync(string sku, string locationId) =>
        (await GrainFactory.Cell(new CellKey(sku, locationId)).GetSnapshotAsync()).Available;

    private IInventoryCellGrain CellOf(OrderLine line) => GrainFactory.Cell(new CellKey(line.Sku, line.LocationId));

    private async Task<OrderResult> MoveAsync(OrderStatus to, string actor, string? note)
    {
        var transition = new OrderTransition { From = S.Status, To = to, At = clock.GetUtcNow(), Actor = actor, Note = note };
        S.Status = to;
        S.History.Add(transition);
        S.Version++;
        await state.SaveAsync(this);
        TandemMetrics.OrderTransitions.Add(1, new KeyValuePair<string, object?>("state", to.ToString()));
        await _events!.PublishAsync(StreamMap.Orders, Id, new OrderChanged { Order = View(), Transition = transition });
        return Result(OrderOutcome.Applied);
    }

    private async Task TellSessionAsync(Func<ISessionGrain, Task> call)
    {
        try
        {
            await call(GrainFactory.Session(new SessionId(S.SessionId)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Telling session {SessionId} about order {OrderId} failed", S.SessionId, Id);
        }
    }

    private OrderResult NotFound() => new() { Outcome = OrderOutcome.NotFound, Detail = $"No order {Id}." };

    private OrderResult Result(OrderOutcome outcome) => new() { Outcome = outcome, Order = View() };

    private OrderResult Refuse(OrderOutcome outcome, string detail) =>
        new() { Outcome = outcome, Order = S.Placed ? View() : null, Detail = detail };

    private OrderView View() => new()
    {
        OrderId = Id,
        ShopperId = S.ShopperId,
        SessionId = S.SessionId,
        Status = S.Status,
        Mode = S.Mode,
        Lines = [.. S.Lines],
        PickupLocationId = S.PickupLocationId,
        DeliveryAddress = S.DeliveryAddress,
        CourierId = S.CourierId,
        Total = S.Lines.Sum(l => l.UnitPrice * l.Quantity),
        History = [.. S.History],
        PlacedAt = S.PlacedAt,
        Version = S.Version,
    };
}
