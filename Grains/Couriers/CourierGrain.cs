using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Tandem.Brains.Dispatch;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Push;

namespace Tandem.Grains.Couriers;

/// <summary>A courier: where it is, whether it works, what it carries.</summary>
public sealed class CourierGrain(
    [PersistentState("courier", StorageNames.Grains)] IPersistentState<CourierState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<CourierGrain> logger) : Grain, ICourierGrain
{
    private static readonly TravelModel Travel = new();
    private static readonly CostWeights Weights = new();

    private EventPublisher? _events;
    private (long Version, IReadOnlyList<CourierStop> Stops)? _route;
    private bool _raining;

    private CourierState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        return Task.CompletedTask;
    }

    public async Task<CourierView> RegisterAsync(string name, int capacity, GeoPoint? position, CourierStatus status)
    {
        if (capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "A courier carries at least one order.");
        }

        if (S.Registered && S.Name == name && S.Capacity == capacity)
        {
            return View();
        }

        var isNew = !S.Registered;
        S.Registered = true;
        S.Name = name;
        S.Capacity = capacity;
        if (isNew)
        {
            S.Online = status != CourierStatus.Offline;
            S.Position = position;
            S.PositionAt = position is null ? null : clock.GetUtcNow();
        }

        await SaveAndPublishAsync(CourierChangeKind.Registered, null);
        if (isNew)
        {
            await GrainFactory.CourierDirectory().AddAsync(new CourierId(this.GetPrimaryKeyString()));
        }

        return View();
    }

    public async Task<CourierResult> UpdatePositionAsync(GeoPoint position, DateTimeOffset at)
    {
        if (!S.Registered)
        {
            return Result(CourierOutcome.NotFound, "No such courier.");
        }

        if (S.PositionAt is { } last && at <= last)
        {
            return Result(CourierOutcome.Stale, $"A position from {last:O} is already held.");
        }

        S.Position = position;
        S.PositionAt = at;
        await SaveAndPublishAsync(CourierChangeKind.Moved, null);
        return Result(CourierOutcome.Applied);
    }

    public async Task<CourierResult> SetAvailabilityAsync(bool online)
    {
        if (!S.Registered)
        {
            return Result(CourierOutcome.NotFound, "No such courier.");
        }

        if (S.Online == online)
        {
            return Result(CourierOutcome.Replayed);
        }

        if (!online && S.Assignments.Count > 0)
        {
            return Result(CourierOutcome.Conflict, $"Still carrying {S.Assignments.Count} order(s).");
        }

        S.Online = online;
        await SaveAndPublishAsync(CourierChangeKind.StatusChanged, null);
        return Result(CourierOutcome.Applied);
    }

    public async Task<CourierResult> AssignAsync(CourierAssignment assignment)
    {
        if (!S.Registered)
        {
            return Result(CourierOutcome.NotFound, "No such courier.");
        }

        if (S.Assignments.Any(a => a.OrderId == assignment.OrderId))
        {
            return Result(CourierOutcome.Replayed);
        }

        if (!S.Online || S.Assignments.Count >= S.Capacity)
        {
            return Result(CourierOutcome.Unavailable, S.Online ? "At capacity." : "Offline.");
        }

        S.Assignments.Add(assignment);
        if (S.Offer?.OrderId == assignment.OrderId)
        {
            S.Offer = null; // an offer ends when its order is given to the courier
        }

        await SaveAndPublishAsync(CourierChangeKind.Assigned, assignment.OrderId);
        return Result(CourierOutcome.Applied);
    }

    public async Task<CourierResult> OfferAsync(CourierOffer offer)
    {
        if (!S.Registered)
        {
            return Result(CourierOutcome.NotFound, "No such courier.");
        }

        var open = OpenOffer();
        if (open?.OrderId == offer.OrderId)
        {
            return Result(CourierOutcome.Replayed);
        }

        if (open is not null || !S.Online || S.Assignments.Count >= S.Capacity)
        {
            return Result(CourierOutcome.Unavailable, open is not null ? "Considering another offer." : S.Online ? "At capacity." : "Offline.");
        }

        S.Offer = offer;
        await SaveAndPublishAsync(CourierChangeKind.Offered, offer.OrderId);
        if (S.Push is { } push)
        {
            // A phone whose page is in the background learns of the offer by Web Push (one-way: the offer does not wait).
            var payload = JsonSerializer.Serialize(new
            {
                type = "offer", orderId = offer.OrderId, pickupLocationId = offer.PickupLocationId, expiresAt = offer.ExpiresAt,
                title = offer.Kind == CourierJobKind.ReturnPickup ? "Return pickup offered" : "New order offered",
                body = offer.Kind == CourierJobKind.ReturnPickup
                    ? $"Collect return {offer.OrderId} from the shopper and take it to sorting: answer before {offer.ExpiresAt:HH:mm:ss}."
                    : $"Collect order {offer.OrderId} at {offer.PickupLocationId}: answer before {offer.ExpiresAt:HH:mm:ss}.",
            });
            await GrainFactory.PushSender().SendAsync(new CourierId(this.GetPrimaryKeyString()), push, payload);
        }

        return Result(CourierOutcome.Applied);
    }

    public async Task<CourierResult> AnswerOfferAsync(OrderId order, bool accept)
    {
        var orderId = order.Value;
        if (!S.Registered)
        {
            return Result(CourierOutcome.NotFound, "No such courier.");
        }

        if (OpenOffer() is not { } offer || offer.OrderId != orderId)
        {
            return S.AnsweredOrderId == orderId && S.AnsweredAccept == accept
                ? Result(CourierOutcome.Replayed) with { Answered = S.AnsweredKind }
                : Result(CourierOutcome.Conflict, $"No open offer of {orderId}: it expired, was withdrawn or was never made.");
        }

        S.Offer = null;
        (S.AnsweredOrderId, S.AnsweredAccept, S.AnsweredKind) = (orderId, accept, offer.Kind);
        await SaveAndPublishAsync(accept ? CourierChangeKind.OfferAccepted : CourierChangeKind.OfferDeclined, orderId);
        return Result(CourierOutcome.Applied) with { Answered = offer.Kind };
    }

    public async Task<CourierResult> SetPushSubscriptionAsync(PushSubscription? subscription, string? onlyIfEndpoint = null)
    {
        if (!S.Registered)
        {
            return Result(CourierOutcome.NotFound, "No such courier.");
        }

        if (S.Push == subscription || (onlyIfEndpoint is not null && S.Push?.Endpoint != onlyIfEndpoint))
        {
            return Result(CourierOutcome.Replayed);
        }

        S.Push = subscription;
        await SaveAndPublishAsync(CourierChangeKind.PushSubscriptionChanged, null);
        return Result(CourierOutcome.Applied);
    }

    public async Task<CourierResult> WithdrawOfferAsync(OrderId order)
    {
        var orderId = order.Value;
        if (S.Offer?.OrderId != orderId)
        {
            return Result(CourierOutcome.Replayed);
        }

        S.Offer = null;
        await SaveAndPublishAsync(CourierChangeKind.OfferWithdrawn, orderId);
        return Result(CourierOutcome.Applied);
    }

    /// <summary>The offer still open now (an expired one counts as none).</summary>
    private CourierOffer? OpenOffer() => S.Offer is { } offer && offer.ExpiresAt > clock.GetUtcNow() ? offer : null;

    public async Task<CourierResult> MarkPickedUpAsync(OrderId order)
    {
        var orderId = order.Value;
        var index = S.Assignments.FindIndex(a => a.OrderId == orderId);
        if (index < 0)
        {
            return Result(CourierOutcome.Conflict, $"Order {orderId} is not assigned to this courier.");
        }

        if (S.Assignments[index].PickedUp)
        {
            return Result(CourierOutcome.Replayed);
        }

        S.Assignments[index] = S.Assignments[index] with { PickedUp = true };
        await SaveAndPublishAsync(CourierChangeKind.PickedUp, orderId);
        return Result(CourierOutcome.Applied);
    }

    public async Task<CourierResult> UnassignAsync(OrderId order)
    {
        var orderId = order.Value;
        if (S.Assignments.RemoveAll(a => a.OrderId == orderId) == 0)
        {
            return Result(CourierOutcome.Replayed);
        }

        await SaveAndPublishAsync(CourierChangeKind.Unassigned, orderId);
        return Result(CourierOutcome.Applied);
    }

    public Task<CourierView?> GetAsync() => Task.FromResult(S.Registered ? View() : null);

    private async Task SaveAndPublishAsync(CourierChangeKind kind, string? orderId)
    {
        if (kind is CourierChangeKind.Assigned or CourierChangeKind.PickedUp && S.Position is { } at)
        {
            _raining = (await GrainFactory.Weather().GetRainAsync()).RainsAt(at);
        }

        S.Version++;
        await state.SaveAsync(this);
        await _events!.PublishAsync(CourierChanged.StreamNamespace, this.GetPrimaryKeyString(), new CourierChanged
        {
            Courier = View(), Kind = kind, OrderId = orderId, At = clock.GetUtcNow(),
        });
    }

    private CourierResult Result(CourierOutcome outcome, string? detail = null) =>
        new() { Outcome = outcome, Courier = S.Registered ? View() : null, Detail = detail };

    private CourierView View() => new()
    {
        CourierId = this.GetPrimaryKeyString(),
        Name = S.Name,
        Status = S.Status,
        Position = S.Position,
        PositionAt = S.PositionAt,
        Capacity = S.Capacity,
        Assignments = [.. S.Assignments],
        Version = S.Version,
        Offer = OpenOffer(),
        PushEnabled = S.Push is not null,
        Stops = Stops(),
    };

    /// <summary>The route of what the courier carries (<see cref="StopPlanner"/>), planned once per version.</summary>
    private IReadOnlyList<CourierStop> Stops()
    {
        if (S.Assignments.Count == 0 || S.Position is not { } position)
        {
            return [];
        }

        if (_route is { } route && route.Version == S.Version)
        {
            return route.Stops;
        }

        var from = S.PositionAt ?? clock.GetUtcNow();
        var byId = S.Assignments.ToDictionary(a => a.OrderId, StringComparer.Ordinal);
        var plan = Weights.Route(
            new DispatchCourier(this.GetPrimaryKeyString(), Places.Of(position), S.Assignments.Count, S.Capacity),
            [.. S.Assignments.Select(a => new CarriedJob(a.OrderId, a.PickedUp ? null : Places.Of(a.Pickup), Places.Of(a.Dropoff), a.PromisedBy ?? DateTimeOffset.MaxValue))],
            from, Travel, _raining);
        IReadOnlyList<CourierStop> stops = [.. plan.Stops.Select(s => new CourierStop
        {
            OrderId = s.JobId, IsPickup = s.IsPickup, LocationId = s.IsPickup ? byId[s.JobId].PickupLocationId : null,
            Position = s.IsPickup ? byId[s.JobId].Pickup : byId[s.JobId].Dropoff, Eta = from + s.Arrival,
            PromisedBy = s.IsPickup ? null : byId[s.JobId].PromisedBy,
        })];
        _route = (S.Version, stops);
        return stops;
    }

}
