using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Brains.Dispatch;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Experiments;
using Tandem.Grains.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Dispatch;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Dispatch;

/// <summary>
/// Dispatch by offer for one zone, decided in windows. Each window (adaptive: <see cref="DispatchOptions.WindowMin"/>
/// when the zone is quiet, growing to <see cref="DispatchOptions.WindowMax"/> as orders pile up) weighs the zone's waiting
/// orders without an open offer against the couriers in and within <see cref="DispatchOptions.EdgeKm"/> of the zone (from
/// the courier boards, the read model of the courier stream; every courier of the city once an order has waited
/// <see cref="DispatchOptions.WidenAfter"/>) who are free, or who carry orders from the same pickup not yet collected and
/// have room (a batch: its cost is what the order adds to their whole route). The rides are slowed by the zone's rain
/// (the weather grain) and the rush hour; a courier from a neighbouring zone with more orders than free couriers costs
/// <see cref="DispatchOptions.BusyZoneHold"/> more. The least-cost assignment (<see cref="WindowAssignment"/>) is offered;
/// each decision is recorded with its inputs (<see cref="IDispatchRecordGrain"/>). A decline or an expired offer puts the
/// order in the next window without that courier. Orders enter and leave by their own outbox calls; waiting orders are
/// persisted, and the sweeper wakes a zone whose silo died.
/// </summary>
public sealed class ZoneDispatcherGrain(
    [PersistentState(ZoneDispatcherGrain.StateName, StorageNames.Grains)] IPersistentState<ZoneDispatcherState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    IOptions<DispatchOptions> options,
    LiveExperiments experiments,
    ILogger<ZoneDispatcherGrain> logger) : Grain, IZoneDispatcherGrain
{
    /// <summary>The name the zone's state is stored under (the sweeper asks for due states of this name).</summary>
    public const string StateName = "zone-dispatch";

    /// <summary>A zone with orders waiting is due this long after its last write (the sweeper wakes it if nobody did).</summary>
    public static readonly TimeSpan WakeAfter = TimeSpan.FromSeconds(30);

    private const int LatencyKept = 100;

    private readonly Queue<double> _assignSeconds = new();
    private IGrainTimer? _timer;
    private EventPublisher _events = null!;
    private (int Waiting, int Offered, int Free, bool Raining)? _told;
    private WindowAssignment _window = null!;
    private CostWeights _weights = null!;
    private TravelModel _travel = null!;
    private ZoneGrid _zones = null!;
    private ZoneKey _zone;
    private TimeSpan _period;
    private DateTimeOffset _lastWindow = DateTimeOffset.MinValue;
    private TimeSpan _longest; // the window's ceiling: the product's, or a running experiment's variant's
    private ExperimentExposure? _experiment;
    private readonly HashSet<string> _exposedTo = new(StringComparer.Ordinal); // experiments whose tally heard of this zone

    private List<WaitingOrder> Waiting => state.State.Waiting;

    private DispatchOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_travel, _weights, _zones) = (new TravelModel(), new CostWeights(), Options.Zones);
        _longest = Options.WindowMax;
        _events = new EventPublisher(this, logger);
        _window = new WindowAssignment(_travel, _weights, Options.MaxRideToPickup);
        if (!ZoneKey.TryParse(this.GetPrimaryKeyString(), out _zone))
        {
            throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a zone (r{{row}}c{{col}}).");
        }

        if (Waiting.Count > 0)
        {
            EnsureTimer(soon: true);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WaitingOrder>> GetWaitingAsync() => Task.FromResult<IReadOnlyList<WaitingOrder>>([.. Waiting]);

    public async Task EnqueueAsync(WaitingOrder order)
    {
        if (!Options.Offers || Waiting.Exists(w => w.OrderId == order.OrderId))
        {
            return;
        }

        if (!state.State.OnMap)
        {
            await GrainFactory.DispatchMap().AddZoneAsync(this.GetPrimaryKeyString());
            state.State.OnMap = true;
        }

        Waiting.Add(order with { OfferedTo = null, OfferExpiresAt = null, OfferVersion = null, Tried = [], Choice = null, Zone = this.GetPrimaryKeyString() });
        await SaveAsync();
        EnsureTimer(soon: Waiting.Count == 1); // a quiet zone decides at once; a busy one gathers the window
    }

    public async Task LeaveAsync(OrderId orderId, string? dispatchedTo)
    {
        if (Waiting.Find(w => w.OrderId == orderId.Value) is not { } waiting)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (waiting.OfferedTo is { } courierId)
        {
            // Withdrawn even when the order went to that courier: an answered offer is already closed (nothing happens), but
            // an operator may have given the order to the courier while a window offered it, and the offer must not linger.
            await GrainFactory.Courier(new CourierId(courierId)).WithdrawOfferAsync(orderId);
            await CloseOfferAsync(waiting, dispatchedTo == courierId ? DispatchOutcome.Accepted : DispatchOutcome.Withdrawn, now);
        }

        if (dispatchedTo is not null)
        {
            _assignSeconds.Enqueue((now - waiting.Since).TotalSeconds);
            while (_assignSeconds.Count > LatencyKept)
            {
                _assignSeconds.Dequeue();
            }
        }

        Waiting.RemoveAll(w => w.OrderId == waiting.OrderId);
        await SaveAsync();
        logger.LeftQueue(waiting.OrderId);
    }

    public async Task<IReadOnlyList<WaitingOrder>> DecideAsync()
    {
        var now = clock.GetUtcNow();
        _period = WindowFor(Waiting.Count);
        if (!Options.DriveWindows || Waiting.Count == 0 || now - _lastWindow < _period)
        {
            return [];
        }

        _lastWindow = now;
        return await WindowAsync();
    }

    private void EnsureTimer(bool soon = false)
    {
        if (Options.DriveWindows)
        {
            return;
        }

        var period = WindowFor(Waiting.Count);
        if (_timer is null)
        {
            _period = period;
            _timer = this.RegisterGrainTimer(_ => WindowAsync(), new GrainTimerCreationOptions
            {
                DueTime = soon ? TimeSpan.Zero : period, Period = period, KeepAlive = true,
            });
        }
        else if (soon)
        {
            _period = period;
            _timer.Change(TimeSpan.Zero, period);
        }
    }

    /// <summary>
    /// One window: notices declines and expiries, then offers the open orders at the least total cost. It never calls an
    /// order (orders call it), so an order waiting on the dispatcher and the dispatcher waiting on an order cannot deadlock.
    /// </summary>
    private async Task<IReadOnlyList<WaitingOrder>> WindowAsync()
    {
        if (Waiting.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
            await ReportAsync(0, [], raining: false);
            return [];
        }

        var now = clock.GetUtcNow();
        await ChooseWindowAsync(now);
        var wide = Options.Policy == DispatchPolicy.NearestIdle || Waiting.Exists(w => w.OfferedTo is null && now - w.Since >= Options.WidenAfter);
        var couriersTask = wide ? EveryCourierAsync() : CouriersWithinAsync(_zones.Reach(_zone));
        var rainTask = GrainFactory.Weather().GetRainAsync();
        var reportsTask = GrainFactory.DispatchMap().GetReportsAsync();
        var couriers = await couriersTask;
        var raining = (await rainTask).RainsOver(_zones.Area(_zone));
        var busyZones = (await reportsTask).Where(r => r.Zone != this.GetPrimaryKeyString() && now - r.At < TimeSpan.FromSeconds(30) && r.Pressure > 1)
            .Select(r => r.Zone).ToHashSet(StringComparer.Ordinal);

        var offeredNow = new HashSet<string>(Waiting.Select(w => w.OfferedTo).OfType<string>(), StringComparer.Ordinal);
        var changed = false;
        foreach (var waiting in Waiting.Where(w => w.OfferedTo is not null).ToList())
        {
            var courierId = waiting.OfferedTo!;
            var expired = waiting.OfferExpiresAt <= now;
            var stillOpen = !expired
                && (!couriers.TryGetValue(courierId, out var courier) || courier.Version < waiting.OfferVersion || courier.Offer?.OrderId == waiting.OrderId);
            if (!stillOpen)
            {
                await GrainFactory.Courier(new CourierId(courierId)).WithdrawOfferAsync(new OrderId(waiting.OrderId));
                await CloseOfferAsync(waiting, expired ? DispatchOutcome.Expired : DispatchOutcome.Declined, now);
                offeredNow.Remove(courierId);
                Replace(waiting with { OfferedTo = null, OfferExpiresAt = null, OfferVersion = null, Choice = null, Tried = [.. waiting.Tried, courierId] });
                changed = true;
            }
        }

        // The window: every order without an open offer against every courier with room and no open offer.
        var candidates = couriers.Values.Where(c => Available(c, now) && !offeredNow.Contains(c.CourierId)).ToList();
        var open = Waiting.Where(w => w.OfferedTo is null).ToList();
        foreach (var waiting in open.Where(w => w.Tried.Count > 0 && candidates.Count > 0 && candidates.All(c => w.Tried.Contains(c.CourierId))))
        {
            Replace(waiting with { Tried = [] }); // everyone here has been asked: start again
            changed = true;
        }

        open = [.. Waiting.Where(w => w.OfferedTo is null)];
        var offers = new List<WaitingOrder>();
        if (open.Count > 0 && candidates.Count > 0)
        {
            var byId = open.ToDictionary(w => w.OrderId, StringComparer.Ordinal);
            var views = candidates.ToDictionary(c => c.CourierId, StringComparer.Ordinal);
            var decision = Options.Policy == DispatchPolicy.NearestIdle ? NearestIdle(open, candidates, now) : Window(open.Count, candidates).Decide(
                [.. open.Select(w => new DispatchJob(w.OrderId, Places.Of(w.Pickup), Places.Of(w.Dropoff), w.PromisedBy ?? w.Since + Options.PromiseWithin))],
                [.. candidates.Select(c => Courier(c, busyZones))],
                now,
                raining: _ => raining,
                allowed: (job, courier) => !byId[job.Id].Tried.Contains(courier.Id) && Batchable(views[courier.Id], byId[job.Id]));
            var records = new List<Task>();
            foreach (var assignment in decision.Assignments)
            {
                var current = byId[assignment.Job.Id];
                var expires = now + Options.OfferTimeout;
                var offered = await GrainFactory.Courier(new CourierId(assignment.Courier.Id)).OfferAsync(new CourierOffer
                {
                    OrderId = current.OrderId, PickupLocationId = current.PickupLocationId, Pickup = current.Pickup, Dropoff = current.Dropoff,
                    OfferedAt = now, ExpiresAt = expires, Kind = current.Kind,
                });
                if (offered.Outcome is CourierOutcome.Applied or CourierOutcome.Replayed)
                {
                    var choice = Choice(assignment, views[assignment.Courier.Id], now, raining, candidates.Count(c => !current.Tried.Contains(c.CourierId) && Batchable(c, current)), open.Count, decision);
                    var offeredOrder = current with { OfferedTo = assignment.Courier.Id, OfferExpiresAt = expires, OfferVersion = offered.Courier?.Version, Choice = choice };
                    Replace(offeredOrder);
                    offers.Add(offeredOrder);
                    records.Add(GrainFactory.DispatchRecord(new OrderId(current.OrderId)).AddAsync(choice));
                    changed = true;
                }
            }

            await Task.WhenAll(records);
        }

        if (changed)
        {
            await SaveAsync();
        }

        await ReportAsync(candidates.Count - offers.Count, offers, raining);
        var next = WindowFor(Waiting.Count);
        if (next != _period && _timer is not null)
        {
            _period = next;
            _timer.Change(next, next);
        }

        return offers;
    }

    private TimeSpan WindowFor(int waiting) => Options.WindowFor(waiting, _longest);

    /// <summary>
    /// The window's ceiling for this window: a running experiment's variant's when one assigns this zone (the zone is then
    /// exposed to it, once its tally has heard so), else the product's. The running experiments are this silo's copy.
    /// </summary>
    private async Task ChooseWindowAsync(DateTimeOffset now)
    {
        var zone = this.GetPrimaryKeyString();
        var running = await experiments.GetAsync();
        _experiment = ExperimentUnits.FindSupply(running, nameof(VariantSettings.DispatchWindowSeconds), zone, zone, now);
        var seconds = _experiment is null ? null : running.First(e => e.Definition.Id == _experiment.ExperimentId).Definition.Variants[_experiment.Variant].Settings.DispatchWindowSeconds;
        _longest = seconds is { } s ? TimeSpan.FromSeconds(s) : Options.WindowMax;
        if (_experiment is { } exposure && !_exposedTo.Contains(exposure.ExperimentId))
        {
            try
            {
                await GrainFactory.ExperimentTally(exposure.ExperimentId, ExperimentUnitKinds.Region, IExperimentTallyGrain.ShardOf(zone))
                    .ExposeAsync(new TallyEntry { UnitId = zone, Variant = exposure.Variant, At = now });
                _exposedTo.Add(exposure.ExperimentId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.ExposureFailed(ex, zone, exposure.ExperimentId); // the next window tells it again
            }
        }
    }

    /// <summary>
    /// The baseline: each order, oldest first, to the nearest idle courier (carrying nothing) not yet asked and not taken
    /// in this window, by the ride to its pickup at free-flowing speed.
    /// </summary>
    private WindowDecision NearestIdle(List<WaitingOrder> open, List<CourierView> candidates, DateTimeOffset now)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var assignments = new List<Assignment>();
        foreach (var order in open.OrderBy(w => w.Since))
        {
            var job = new DispatchJob(order.OrderId, Places.Of(order.Pickup), Places.Of(order.Dropoff), order.PromisedBy ?? order.Since + Options.PromiseWithin);
            var nearest = candidates
                .Where(c => c.Assignments.Count == 0 && !taken.Contains(c.CourierId) && !order.Tried.Contains(c.CourierId))
                .Select(c => (Courier: new DispatchCourier(c.CourierId, Places.Of(c.Position!), 0, c.Capacity), Ride: _travel.Between(Places.Of(c.Position!), job.Pickup, raining: false)))
                .Where(c => c.Ride <= Options.MaxRideToPickup)
                .OrderBy(c => c.Ride)
                .FirstOrDefault();
            if (nearest.Courier is not null)
            {
                taken.Add(nearest.Courier.Id);
                assignments.Add(new Assignment(job, nearest.Courier, _weights.Of(job, nearest.Courier, now, _travel, raining: false)));
            }
        }

        return new WindowDecision(assignments, [], assignments.Sum(a => a.Cost.Total));
    }

    private Task SaveAsync()
    {
        state.State.DueAt = Waiting.Count > 0 ? clock.GetUtcNow() + WakeAfter : null;
        return state.SaveAsync(this);
    }

    private Task CloseOfferAsync(WaitingOrder waiting, DispatchOutcome outcome, DateTimeOffset at) =>
        waiting.Choice is { } choice
            ? GrainFactory.DispatchRecord(new OrderId(waiting.OrderId)).CloseAsync(choice.Window, choice.CourierId, outcome, at)
            : Task.CompletedTask;

    /// <summary>The couriers last seen within <paramref name="reach"/>: one call per courier-board partition.</summary>
    private async Task<Dictionary<string, CourierView>> CouriersWithinAsync(ZoneArea reach)
    {
        var boards = await Task.WhenAll(StreamPartition.All.Select(p =>
            GrainFactory.CourierBoard(p).GetWithinAsync(reach.South, reach.West, reach.North, reach.East)));
        return boards.SelectMany(b => b).ToDictionary(c => c.CourierId, StringComparer.Ordinal);
    }

    /// <summary>
    /// The window's assignment: a carried order weighs <see cref="DispatchOptions.QuietLoadFactor"/> times more while free
    /// couriers are as many as the orders, falling to once as the orders outnumber them twice.
    /// </summary>
    private WindowAssignment Window(int orders, List<CourierView> candidates)
    {
        var free = candidates.Count(c => c.Assignments.Count == 0);
        var shortage = Math.Clamp(((double)orders / Math.Max(1, free)) - 1, 0, 1);
        var factor = Options.QuietLoadFactor - ((Options.QuietLoadFactor - 1) * shortage);
        return factor == 1 ? _window : new WindowAssignment(_travel, _weights with { PerJobCarried = _weights.PerJobCarried * factor }, Options.MaxRideToPickup);
    }

    /// <summary>Every courier of the city (the baseline looks city-wide, as dispatch did before zones).</summary>
    private async Task<Dictionary<string, CourierView>> EveryCourierAsync() =>
        (await GrainFactory.CouriersFromBoardsAsync()).ToDictionary(c => c.CourierId, StringComparer.Ordinal);

    /// <summary>
    /// Online, placed, no open offer (a board's view keeps an offer that has since expired: it does not count), room for one
    /// more; a courier who carries orders only while none is collected yet.
    /// </summary>
    private static bool Available(CourierView courier, DateTimeOffset now) =>
        courier.Status != CourierStatus.Offline && (courier.Offer is null || courier.Offer.ExpiresAt <= now) && courier.Position is not null
        && courier.Assignments.Count < courier.Capacity && courier.Assignments.All(a => !a.PickedUp);

    /// <summary>A free courier may take any order; one who carries orders only one from the same pickup (a batch).</summary>
    private static bool Batchable(CourierView courier, WaitingOrder order) =>
        courier.Assignments.All(a => a.PickupLocationId == order.PickupLocationId);

    private DispatchCourier Courier(CourierView view, HashSet<string> busyZones)
    {
        var at = Places.Of(view.Position!);
        var home = _zones.Of(at);
        return new DispatchCourier(view.CourierId, at, view.Assignments.Count, view.Capacity)
        {
            Carried = [.. view.Assignments.Select(a => new CarriedJob(
                a.OrderId, a.PickedUp ? null : Places.Of(a.Pickup), Places.Of(a.Dropoff), a.PromisedBy ?? a.AssignedAt + Options.PromiseWithin))],
            HoldSeconds = home != _zone && busyZones.Contains(home.ToString()) ? Options.BusyZoneHold.TotalSeconds : 0,
        };
    }

    /// <summary>
    /// Tells the dispatch map the window (every window), and the control room through the dispatch stream when the window
    /// made offers or the queue, the free couriers or the rain changed.
    /// </summary>
    private async Task ReportAsync(int freeLeft, List<WaitingOrder> offers, bool raining)
    {
        var area = _zones.Area(_zone);
        var latency = _assignSeconds.Order().ToList();
        var report = new ZoneReport
        {
            Zone = this.GetPrimaryKeyString(), At = clock.GetUtcNow(),
            Waiting = Waiting.Count, Offered = Waiting.Count(w => w.OfferedTo is not null), FreeCouriers = freeLeft + offers.Count,
            WindowSeconds = Math.Round(WindowFor(Waiting.Count).TotalSeconds, 2), Raining = raining, Decided = offers.Count,
            South = area.South, West = area.West, North = area.North, East = area.East,
            MeanAssignSeconds = latency.Count == 0 ? null : Math.Round(latency.Average(), 1),
            P95AssignSeconds = latency.Count == 0 ? null : Math.Round(latency[Math.Max(0, (int)Math.Ceiling(0.95 * latency.Count) - 1)], 1),
        };
        GrainFactory.DispatchMap().ReportAsync(report).Ignore();
        var told = (report.Waiting, report.Offered, report.FreeCouriers, report.Raining);
        if (offers.Count > 0 || _told != told)
        {
            _told = told;
            await _events.PublishAsync(DispatchDecided.StreamNamespace, report.Zone, new DispatchDecided { Zone = report, Offers = offers, Queue = [.. Waiting.Take(DispatchDecided.MaxQueue)] });
        }
    }

    private void Replace(WaitingOrder order) => Waiting[Waiting.FindIndex(w => w.OrderId == order.OrderId)] = order;


    private DispatchChoice Choice(Assignment assignment, CourierView courier, DateTimeOffset window, bool raining, int candidates, int orders, WindowDecision decision) => new()
    {
        CourierId = assignment.Courier.Id,
        Window = window,
        Candidates = candidates,
        OrdersInWindow = orders,
        ToPickupSeconds = Math.Round(assignment.Cost.ToPickup.TotalSeconds, 1),
        ToDropoffSeconds = Math.Round(assignment.Cost.ToDropoff.TotalSeconds, 1),
        LateSeconds = Math.Round(assignment.Cost.Late.TotalSeconds, 1),
        LoadSeconds = Math.Round(assignment.Cost.LoadSeconds, 1),
        Cost = Math.Round(assignment.Cost.Total, 1),
        Zone = this.GetPrimaryKeyString(),
        WindowSeconds = Math.Round(_period.TotalSeconds, 2),
        Experiment = _experiment is null ? null : ExperimentUnits.Tag(_experiment),
        Raining = raining,
        RushHour = _travel.IsRushHour(window),
        DelayToCarriedSeconds = Math.Round(assignment.Cost.DelayToCarried, 1),
        HoldSeconds = Math.Round(assignment.Cost.HoldSeconds, 1),
        BatchedWith = [.. courier.Assignments.Select(a => a.OrderId)],
        Shortlist = decision.Candidates.TryGetValue(assignment.Job.Id, out var shortlist)
            ? [.. shortlist.Select(c => new CandidateCost(c.CourierId, Math.Round(c.Cost.Total, 1), Math.Round(c.Cost.ToPickup.TotalSeconds, 1)))]
            : [],
    };
}
