using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Brains.Dispatch;
using Tandem.Brains.Intent;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Kpis;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Catalog;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Intent;
using Tandem.Grains.Kpis;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Interfaces.Sessions;

namespace Tandem.Grains.Sessions;

/// <summary>
/// A shopper session: cart, bounded recent behaviour, open orders, the picks it had on screen. Each batch of views
/// teaches the product graph which products are viewed around which (<see cref="SessionLessons"/>); a click on a shown
/// pick, or its impression window passing without one, credits the pick's strategy in the bandit. Both are written
/// with what caused them (the session's outbox), delivered right after, retried while the session lives, and after a
/// crash by the sweeper, which wakes the session once its <see cref="SessionState.DueAt"/> passes (also when an
/// impression's window ends). After each batch the served model reads the session's purchase intent
/// (<see cref="IntentReading"/>, its version kept with the score), and the batch goes to the session log the model is
/// retrained from (with an order's placement, which labels the session a buyer).
/// </summary>
public sealed class SessionGrain(
    [PersistentState(SessionGrain.StateName, StorageNames.Grains)] IPersistentState<SessionState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    IOptions<SessionOptions> options,
    IntentModels intentModels,
    SessionLogWriter sessionLog,
    LiveExperiments experiments,
    CatalogFacts catalog,
    IOptions<DispatchOptions> dispatch,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    public const string StateName = "session";

    /// <summary>The most lessons kept undelivered; past it the oldest are dropped (and logged), so a long outage cannot grow the state without bound.</summary>
    public const int MaxPendingLessons = 2000;

    private EventPublisher? _events;
    private IGrainTimer? _retry;
    private IGrainTimer? _count;
    private TimeSpan _nextRetry;

    private SessionState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        return Task.CompletedTask;
    }

    public async Task<bool> ClaimAsync(ShopperId shopper)
    {
        var shopperId = shopper.Value;
        if (Claim(shopperId))
        {
            await state.SaveAsync(this);
        }

        return S.ShopperId == shopperId;
    }

    public async Task<SessionView?> SetCartLineAsync(ShopperId shopper, string sku, int quantity)
    {
        var shopperId = shopper.Value;
        var claimed = Claim(shopperId);
        if (S.ShopperId != shopperId)
        {
            return null;
        }

        var index = S.Cart.FindIndex(l => l.Sku == sku);
        var current = index < 0 ? 0 : S.Cart[index].Quantity;
        if (current == quantity)
        {
            if (claimed)
            {
                await state.SaveAsync(this);
            }

            return View();
        }

        if (quantity == 0)
        {
            S.Cart.RemoveAt(index);
        }
        else if (index < 0)
        {
            S.Cart.Add(new CartLine { Sku = sku, Quantity = quantity });
        }
        else
        {
            S.Cart[index] = new CartLine { Sku = sku, Quantity = quantity };
        }

        await SaveAndPublishAsync(SessionChangeKind.Cart, [sku], 0);
        return View();
    }

    public async Task<int?> RecordEventsAsync(ShopperId shopper, IReadOnlyList<BehaviourEvent> events, GeoPoint? place = null)
    {
        var shopperId = shopper.Value;
        var claimed = Claim(shopperId);
        if (S.ShopperId != shopperId)
        {
            return null;
        }

        var known = new HashSet<BehaviourEvent>(S.RecentEvents);
        var fresh = events.Where(known.Add).ToList();
        if (fresh.Count == 0)
        {
            if (claimed)
            {
                await state.SaveAsync(this);
            }

            return 0;
        }

        var sessionId = this.GetPrimaryKeyString();
        var (products, locations) = await catalog.ReadAsync([.. S.RecentEvents.Concat(fresh).Select(e => e.Sku).OfType<string>().Distinct(StringComparer.Ordinal)]);
        string? CategoryOf(string? sku) => sku is not null && products.TryGetValue(sku, out var product) ? product.Category : null;
        var firstSeq = S.EventsSeen;
        var lessons = SessionLessons.From(sessionId, S.EventsSeen, S.RecentEvents, fresh, CategoryOf, S.ShopperId);
        S.RecentEvents.AddRange(fresh);
        S.RecentEvents.Sort((a, b) => a.At.CompareTo(b.At));
        S.RecentEvents.TrimTo(SessionLimits.MaxRecentEvents);
        if (S.EventsSeen == 0)
        {
            S.Region = place is null ? null : RegionOf(place, locations);
            S.Kpis.Add(Fact("visit", KpiMeasure.Visit));
        }

        S.EventsSeen += fresh.Count;
        if (lessons.Count > 0)
        {
            S.Lessons.AddRange(lessons);
            if (S.Lessons.Count > MaxPendingLessons)
            {
                logger.LessonsDropped(this.GetPrimaryKeyString(), S.Lessons.Count - MaxPendingLessons);
                S.Lessons.TrimTo(MaxPendingLessons);
            }
        }

        S.DueAt = NextDue();

        S.Intent = ReadIntent([.. S.RecentEvents.Select(e => SessionLogLines.Of(sessionId, e, CategoryOf(e.Sku)))]);

        var skus = fresh.Select(e => e.Sku).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        await SaveAndPublishAsync(SessionChangeKind.Behaviour, skus, fresh.Count);
        sessionLog.Write(fresh.Select((e, i) => SessionLogLines.Of(sessionId, e, CategoryOf(e.Sku), firstSeq + i)));
        await DeliverOwedAsync();
        return fresh.Count;
    }

    /// <summary>The served model's reading of the session's recent behaviour, with the model's version.</summary>
    private PurchaseIntent ReadIntent(IReadOnlyList<SessionLogLine> lines)
    {
        var served = intentModels.Current;
        var events = lines.Select(l => l.ToIntent()).OfType<IntentEvent>().ToList();
        var reading = IntentReading.Of(served.Model, events, signedIn: true); // every shopper of the shop is signed in
        return new PurchaseIntent
        {
            Score = Math.Round(reading.Session, 4),
            Model = served.Name,
            ModelVersion = served.Version,
            Products = [.. reading.Products.Select(p => new IntentOf { Key = p.Key, Score = Math.Round(p.Value, 4) })],
            Categories = [.. reading.Categories.Select(c => new IntentOf { Key = c.Key, Score = Math.Round(c.Value, 4) })],
            Events = events.Count,
            At = clock.GetUtcNow(),
        };
    }

    /// <summary>The dispatch zone of the location nearest <paramref name="place"/>: the region that serves it; null without locations.</summary>
    private string? RegionOf(GeoPoint place, IReadOnlyList<Location> locations) =>
        locations.MinBy(l => TravelModel.Kilometres(Places.Of(place), Places.Of(l.Position))) is { } nearest ? dispatch.Value.ZoneOf(nearest.Position) : null;

    /// <summary>Makes <paramref name="shopperId"/> the owner of a session nobody owns yet; true when it did (unsaved).</summary>
    private bool Claim(string shopperId)
    {
        if (S.ShopperId is not null)
        {
            return false;
        }

        S.ShopperId = shopperId;
        return true;
    }

    public async Task OrderPlacedAsync(OrderId order, IReadOnlyList<string> skus, decimal revenue)
    {
        var orderId = order.Value;
        if (S.OpenOrders.Contains(orderId))
        {
            return;
        }

        S.OpenOrders.Add(orderId);
        S.Cart.RemoveAll(l => skus.Contains(l.Sku));
        var now = clock.GetUtcNow();
        S.Tallies.AddRange(S.Experiments.Select(e => new PendingTally(e.ExperimentId, new TallyEntry
        {
            UnitId = this.GetPrimaryKeyString(), Variant = e.Variant, At = now, OrderId = orderId, Revenue = Math.Max(0, revenue),
        })));
        if (S.EventsSeen == 0)
        {
            S.Kpis.Add(Fact("visit", KpiMeasure.Visit)); // an order from a session without behaviour still implies a visit
        }

        S.Kpis.Add(Fact("conversion", KpiMeasure.Conversion)); // the KPIs count the first: one conversion per session
        S.DueAt = NextDue();
        await SaveAndPublishAsync(SessionChangeKind.Orders, skus, 0);
        sessionLog.Write([new SessionLogLine { Session = this.GetPrimaryKeyString(), Kind = SessionLogLine.OrderKind, At = clock.GetUtcNow(), Order = orderId, Seq = S.EventsSeen }]);
        await DeliverOwedAsync();
    }

    public async Task<PageLayoutChoice?> ChooseLayoutAsync(ShopperId shopper)
    {
        var claimed = Claim(shopper.Value);
        if (S.ShopperId != shopper.Value)
        {
            return null;
        }

        var running = await experiments.GetAsync();
        var now = clock.GetUtcNow(); // the page asks now: the shopper is active
        var exposure = ExperimentUnits.Find(running, nameof(VariantSettings.Layout), this.GetPrimaryKeyString(), S.Cart.Count > 0 ? Segments.Cart : Segments.Browse, S.Region, now, now);
        if (Met(exposure is null ? [] : [exposure]) || claimed)
        {
            await state.SaveAsync(this); // one write for the claim and the exposure
            await DeliverOwedAsync();
        }

        return exposure is null
            ? new PageLayoutChoice { Layout = PageLayouts.Standard }
            : new PageLayoutChoice
            {
                Layout = running.Single(r => r.Definition.Id == exposure.ExperimentId).Definition.Variants[exposure.Variant].Settings.Layout ?? PageLayouts.Standard,
                Experiment = ExperimentUnits.Tag(exposure),
            };
    }

    public async Task<IReadOnlyList<ExperimentExposure>> ExposeAsync(IReadOnlyList<ExperimentExposure> exposures)
    {
        if (Met(exposures))
        {
            await state.SaveAsync(this);
            await DeliverOwedAsync();
        }

        return [.. S.Experiments];
    }

    /// <summary>Keeps the experiments the session meets for the first time, and owes their tallies the exposure (unsaved); true when any was new.</summary>
    private bool Met(IReadOnlyList<ExperimentExposure> exposures)
    {
        var fresh = exposures.Where(e => !S.Experiments.Any(known => known.ExperimentId == e.ExperimentId))
            .DistinctBy(e => e.ExperimentId, StringComparer.Ordinal).ToList();
        if (fresh.Count == 0)
        {
            return false;
        }

        S.Experiments.AddRange(fresh);
        S.Tallies.AddRange(fresh.Select(e => new PendingTally(e.ExperimentId, new TallyEntry { UnitId = this.GetPrimaryKeyString(), Variant = e.Variant, At = e.At })));
        S.DueAt = NextDue();
        return true;
    }

    public async Task OrderClosedAsync(OrderId order)
    {
        var orderId = order.Value;
        if (S.OpenOrders.Remove(orderId))
        {
            await SaveAndPublishAsync(SessionChangeKind.Orders, [], 0);
        }
    }

    public Task<SessionView> GetAsync() => Task.FromResult(View());

    public async Task<int?> RecordImpressionsAsync(ShopperId shopper, IReadOnlyList<ShownPick> picks)
    {
        var claimed = Claim(shopper.Value);
        if (S.ShopperId != shopper.Value)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var fresh = picks.Where(p => !S.Impressions.Any(i => i.Version == p.Version && i.Sku == p.Sku)).Select(p => p with { At = now, Clicked = false, Settled = false }).ToList();
        if (fresh.Count > 0 || claimed)
        {
            S.Impressions.AddRange(fresh);
            S.Impressions.TrimTo(SessionState.MaxImpressions);
            S.DueAt = NextDue();
            await state.SaveAsync(this);
        }

        return picks.Count(p => S.Impressions.Any(i => i.Version == p.Version && i.Sku == p.Sku));
    }

    public async Task<bool?> RecordPickClickAsync(ShopperId shopper, long version, string sku)
    {
        if (S.ShopperId != shopper.Value)
        {
            return S.ShopperId is null ? false : null;
        }

        var index = S.Impressions.FindIndex(i => i.Version == version && i.Sku == sku);
        if (index < 0)
        {
            return false;
        }

        var shown = S.Impressions[index];
        if (!shown.Clicked)
        {
            S.Impressions[index] = shown with { Clicked = true, Settled = true };
            if (!shown.Settled)
            {
                S.Rewards.Add(Reward(shown, clicked: true));
                S.Kpis.AddRange(Shown(shown, clicked: true));
            }

            S.DueAt = NextDue();
            await state.SaveAsync(this);
        }

        await DeliverOwedAsync();
        return true;
    }

    public async Task CatchUpAsync()
    {
        var now = clock.GetUtcNow();
        var window = options.Value.ImpressionWindow;
        var settled = false;
        for (var i = 0; i < S.Impressions.Count; i++)
        {
            var shown = S.Impressions[i];
            if (!shown.Settled && shown.At + window <= now)
            {
                S.Impressions[i] = shown with { Settled = true };
                S.Rewards.Add(Reward(shown, clicked: false));
                S.Kpis.AddRange(Shown(shown, clicked: false));
                settled = true;
            }
        }

        if (settled)
        {
            S.DueAt = NextDue();
            await state.SaveAsync(this);
        }

        await DeliverOwedAsync(countNow: true);
        var due = NextDue();
        if (due != S.DueAt)
        {
            S.DueAt = due;
            await state.SaveAsync(this);
        }
    }

    /// <summary>When the sweeper must next wake the session: soon when something is owed, else when the oldest unsettled impression's window ends.</summary>
    private DateTimeOffset? NextDue()
    {
        DateTimeOffset? due = Owed > 0 ? clock.GetUtcNow() + options.Value.CatchUpAfter : null;
        foreach (var shown in S.Impressions.Where(i => !i.Settled))
        {
            var ends = shown.At + options.Value.ImpressionWindow;
            due = due is null || ends < due ? ends : due;
        }

        return due;
    }

    /// <summary>Outstanding work: lessons, rewards, tally entries and KPI facts not yet acknowledged.</summary>
    private int Owed => S.Lessons.Count + S.Rewards.Count + S.Tallies.Count + S.Kpis.Count;

    private KpiFact Fact(string name, KpiMeasure measure) => new() { Id = $"session:{this.GetPrimaryKeyString()}:{name}", Measure = measure, At = clock.GetUtcNow() };

    /// <summary>A settled impression, and its click if it was clicked before its window passed.</summary>
    private IEnumerable<KpiFact> Shown(ShownPick shown, bool clicked)
    {
        var name = $"shown:{shown.Version}:{shown.Sku}";
        yield return Fact(name, KpiMeasure.Impression);
        if (clicked)
        {
            yield return Fact(name + ":click", KpiMeasure.Click);
        }
    }

    private PendingReward Reward(ShownPick shown, bool clicked) => new(shown.Segment, new ArmReward
    {
        Id = $"{this.GetPrimaryKeyString()}:{shown.Version}:{shown.Sku}",
        Arm = shown.Arm,
        Clicked = clicked,
        At = clock.GetUtcNow(),
    });

    private Task DeliverOwedAsync() => DeliverOwedAsync(countNow: false);

    /// <summary>
    /// Delivers every pending lesson, reward, KPI fact and tally entry (all at once; a tally's entries in the order written, so an
    /// exposure reaches it before the conversions it explains); each acknowledged one is dropped in memory at once and
    /// from storage with the next write (delivering it again after a crash is harmless: both are idempotent). What fails
    /// is tried again in this activation, backing off from 200 ms to a minute. KPI facts are sent in a turn of their own
    /// right after this one (so counting never delays an answer), unless <paramref name="countNow"/>.
    /// </summary>
    private async Task DeliverOwedAsync(bool countNow)
    {
        if (Owed == 0)
        {
            return;
        }

        if (!countNow && S.Kpis.Count > 0)
        {
            _count ??= this.RegisterGrainTimer(
                () =>
                {
                    _count?.Dispose();
                    _count = null;
                    return DeliverOwedAsync(countNow: true);
                },
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }

        var lessons = S.Lessons.ToList();
        var rewards = S.Rewards.ToList();
        var tallies = S.Tallies.ToList();
        List<KpiFact> kpis = countNow ? [.. S.Kpis] : [];
        var counted = kpis.Count > 0 ? TryAsync(() => KpiDelivery.SendAsync(GrainFactory, S.Region, kpis), IKpiGrain.Overall) : Task.FromResult(false);
        var delivered = await Task.WhenAll(
            lessons.Select(l => TryAsync(() => GrainFactory.ProductGraph(l.Sku).LearnAsync(l.Lesson), l.Sku))
                .Concat(rewards.Select(r => TryAsync(() => GrainFactory.ArmWeights(r.Segment).RewardAsync(r.Reward), r.Segment))));
        var tallied = await DeliverTalliesAsync(tallies);
        if (await counted)
        {
            S.Kpis.RemoveRange(0, kpis.Count);
        }

        for (var i = 0; i < lessons.Count; i++)
        {
            if (delivered[i])
            {
                S.Lessons.Remove(lessons[i]);
            }
        }

        for (var i = 0; i < rewards.Count; i++)
        {
            if (delivered[lessons.Count + i])
            {
                S.Rewards.Remove(rewards[i]);
            }
        }

        foreach (var done in tallied)
        {
            S.Tallies.Remove(done);
        }

        _retry?.Dispose();
        _retry = null;
        if (Owed - (countNow ? 0 : S.Kpis.Count) == 0) // uncounted facts not tried yet wait for their own turn, not a retry
        {
            _nextRetry = TimeSpan.Zero;
            return;
        }

        _nextRetry = _nextRetry == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromTicks(Math.Min(_nextRetry.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
        _retry = this.RegisterGrainTimer(() => DeliverOwedAsync(countNow: true), new GrainTimerCreationOptions(_nextRetry, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>Each experiment's entries in the order written, stopping at its first failure; returns those delivered.</summary>
    private async Task<List<PendingTally>> DeliverTalliesAsync(List<PendingTally> tallies)
    {
        var delivered = await Task.WhenAll(tallies.GroupBy(t => t.ExperimentId, StringComparer.Ordinal).Select(async experiment =>
        {
            var done = new List<PendingTally>();
            foreach (var owed in experiment)
            {
                var tally = GrainFactory.ExperimentTally(owed.ExperimentId, IExperimentTallyGrain.ShardOf(owed.Entry.UnitId));
                if (!await TryAsync(() => owed.Entry.OrderId is null ? tally.ExposeAsync(owed.Entry) : tally.ConvertAsync(owed.Entry), owed.ExperimentId))
                {
                    break;
                }

                done.Add(owed);
            }

            return done;
        }));
        return [.. delivered.SelectMany(d => d)];
    }

    private async Task<bool> TryAsync(Func<Task> deliver, string to)
    {
        try
        {
            await deliver();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.DeliveryFailed(ex, this.GetPrimaryKeyString(), to);
            return false;
        }
    }

    private async Task SaveAndPublishAsync(SessionChangeKind kind, IReadOnlyList<string> skus, int eventCount)
    {
        S.Version++;
        S.ChangedAt = clock.GetUtcNow();
        await state.SaveAsync(this);
        var sessionId = this.GetPrimaryKeyString();
        await _events!.PublishAsync(SessionChanged.StreamNamespace, sessionId, new SessionChanged
        {
            SessionId = sessionId, Kind = kind, Skus = skus, EventCount = eventCount, Version = S.Version, At = clock.GetUtcNow(),
        });
    }

    private SessionView View() => new()
    {
        SessionId = this.GetPrimaryKeyString(),
        Cart = [.. S.Cart],
        RecentEvents = [.. S.RecentEvents],
        OpenOrders = [.. S.OpenOrders],
        EventsSeen = S.EventsSeen,
        Version = S.Version,
        ShopperId = S.ShopperId,
        Intent = S.Intent,
        ChangedAt = S.ChangedAt,
        Region = S.Region,
    };
}
