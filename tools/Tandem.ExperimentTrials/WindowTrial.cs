using MathNet.Numerics.Distributions;

using Tandem.Brains.Experiments;
using Tandem.Brains.Recommendations;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Orders;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Hosting.Simulation;

namespace Tandem.ExperimentTrials;

/// <summary>
/// One experiment on the dispatch window through the real grains, with zones as units: each zone has a store and its
/// couriers; every trial places a batch of delivery orders in each zone, the zones' dispatchers decide on the simulated
/// clock under the window of the variant their zone is in (exposing the zone), the couriers accept and collect, and each
/// delivery is on time with the zone's own rate of the trial (zones differ), less the injected effect when the decision
/// that sent it was made under a longer window than the product's (the A/B treatment's). A late delivery is handed over
/// after the promise has passed. The order's outbox tells the zone's tally each delivery; the results compare the
/// variants' on-time shares clustered by zone.
/// </summary>
internal sealed class WindowTrial(IGrainFactory grains, SimulatedClock clock, TrialOptions options)
{
    private const string Sku = "WINDOW-ITEM";
    private const int Columns = 8;
    private const int Parallel = 64;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DecideWithin = TimeSpan.FromMinutes(1);

    private readonly DispatchOptions _dispatch = new();
    private List<(string Store, string Zone, GeoPoint Position)> _zones = [];

    /// <summary>Zones per trial: <see cref="TrialOptions.Sessions"/>, or twice the planned zones per variant.</summary>
    private int Zones => options.Sessions ?? (2 * PlannedZonesPerVariant(options));

    /// <summary>
    /// Zones per variant for the planned test: each variant's share of on-time deliveries varies between zones by the zones'
    /// own spread and by chance over their deliveries (σ² + p(1 − p) / m per zone); the planned zones find the effect with
    /// power 0.8 at α 0.05 (normal approximation; the t test on few zones needs a little more).
    /// </summary>
    public static int PlannedZonesPerVariant(TrialOptions options)
    {
        var (p0, p1, m, spread) = (options.BaseRate, options.BaseRate + options.Effect, options.OrdersPerZone, options.ZoneSpread * options.ZoneSpread);
        var variance = spread + (p0 * (1 - p0) / m) + spread + (p1 * (1 - p1) / m);
        var z = Normal.InvCDF(0, 1, 0.975) + Normal.InvCDF(0, 1, 0.8);
        return (int)Math.Ceiling(z * z * variance / (options.Effect * options.Effect));
    }

    /// <summary>A store in each zone (zones far apart), stocked, with a courier for each order it will send at once.</summary>
    public async Task OpenAsync()
    {
        _zones = [.. Enumerable.Range(0, Zones).Select(i =>
        {
            var position = new GeoPoint { Lat = 53.0 + (0.2 * (i / Columns)), Lon = -3.0 + (0.2 * (i % Columns)) };
            return (Store: $"st-window-{i}", Zone: _dispatch.ZoneOf(position), Position: position);
        })];
        if (_zones.Select(z => z.Zone).Distinct().Count() != _zones.Count)
        {
            throw new InvalidOperationException("Two trial stores share a zone.");
        }

        await grains.Catalog().UpsertAsync(
            [new Product
            {
                Sku = Sku, Name = "Window trial parcel", Category = "trial", Price = 30m, Dimensions = new Dimensions { LengthCm = 20, WidthCm = 15, HeightCm = 10 },
                WeightKg = 1, SceneTags = [], Description = "What the window trials deliver.",
            }],
            [.. _zones.Select(z => new Location { Id = z.Store, Name = "Window trial store", Kind = LocationKind.Store, Position = z.Position, Address = z.Store })]);
        foreach (var (store, _, position) in _zones)
        {
            await grains.Cell(new CellKey(Sku, store)).ReceiveAsync(1_000_000, "trials-opening", "trials");
            for (var c = 0; c < options.OrdersPerZone + 2; c++)
            {
                await grains.Courier(new CourierId($"{store}-rider{c}")).RegisterAsync("Rider", 1, Near(position, c), CourierStatus.Idle);
            }
        }
    }

    public async Task<TrialRun> RunAsync(int trial, bool injected)
    {
        var id = $"trial-{options.Seed}-window-{(injected ? "ab" : "aa")}-{trial}";
        var product = (int)_dispatch.WindowMax.TotalSeconds;
        var definition = new ExperimentDefinition
        {
            Id = id,
            Name = injected ? "A/B of the dispatch window" : "A/A of the dispatch window",
            Variants =
            [
                new VariantDefinition { Name = "control", Settings = new() { DispatchWindowSeconds = product } },
                new VariantDefinition { Name = "treatment", Settings = new() { DispatchWindowSeconds = injected ? options.TreatmentWindow : product } },
            ],
            BaseRate = options.BaseRate,
            MinimumEffect = options.Effect,
            Regions = [.. _zones.Select(z => z.Zone)],
        };
        var experiment = await TrialExperiment.StartAsync(grains, clock, definition);

        // Each zone's own on-time rate for this trial (Beta around the base rate, spread as set).
        var kappa = (options.BaseRate * (1 - options.BaseRate) / (options.ZoneSpread * options.ZoneSpread)) - 1;
        var rates = _zones.ToDictionary(z => z.Zone, z => Beta.Sample(new Random(Fnv1a.Seed($"{options.Seed}#{id}#{z.Zone}")), kappa * options.BaseRate, kappa * (1 - options.BaseRate)), StringComparer.Ordinal);
        var orders = _zones.SelectMany(z => Enumerable.Range(0, options.OrdersPerZone).Select(n => (Zone: z, OrderId: $"{id}-{z.Store}-o{n}", Door: Near(z.Position, n + 10)))).ToList();
        await System.Threading.Tasks.Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (o, _) =>
        {
            var order = grains.Order(new OrderId(o.OrderId));
            var placed = await Retried(() => order.PlaceAsync(new PlaceOrder
            {
                ShopperId = new("shopper-" + o.OrderId), SessionId = new("s-" + o.OrderId), Lines = [new OrderLineRequest { Sku = Sku, Quantity = 1 }],
                Mode = FulfilmentMode.Delivery, DeliveryAddress = o.Door,
            }));
            var packed = placed.Succeeded ? await Retried(() => order.PackAsync("trials:staff")) : placed;
            if (!packed.Succeeded)
            {
                throw new InvalidOperationException($"Order {o.OrderId} was not placed and packed: {packed.Outcome} {packed.Detail}");
            }
        });

        // The zones decide on the simulated clock, a second at a time; the offered couriers accept at once.
        var decisions = new Dictionary<string, (string? Tag, string Courier)>(StringComparer.Ordinal); // order → the decision that sent it
        var since = clock.GetUtcNow();
        while (decisions.Count < orders.Count)
        {
            if (clock.GetUtcNow() - since > DecideWithin)
            {
                throw new InvalidOperationException($"{orders.Count - decisions.Count} orders of {id} found no courier within {DecideWithin}.");
            }

            clock.Advance(Step);
            var offers = (await Task.WhenAll(_zones.Select(z => grains.ZoneDispatcher(z.Zone).DecideAsync()))).SelectMany(o => o).Where(o => !decisions.ContainsKey(o.OrderId)).ToList();
            var accepted = await Task.WhenAll(offers.Select(AcceptAsync));
            foreach (var (offer, ok) in offers.Zip(accepted))
            {
                if (ok)
                {
                    decisions[offer.OrderId] = (offer.Choice?.Experiment, offer.OfferedTo!);
                }
            }
        }

        // Collected; handed over on time, or after the promise has passed, as the zone's rate and the decision's window say.
        var mismatched = 0;
        var late = new List<(string OrderId, string Courier)>();
        await System.Threading.Tasks.Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (o, _) =>
        {
            var expected = $"{id}:{(Assignment.Assign(id, o.Zone.Zone, [new Variant("control", 1), new Variant("treatment", 1)], 1) == 0 ? "control" : "treatment")}";
            var (tag, courier) = decisions[o.OrderId];
            if (tag != expected)
            {
                Interlocked.Increment(ref mismatched); // the decision's variant must be the one the zone's hash gives
            }

            var window = definition.Variants.FirstOrDefault(v => tag == $"{id}:{v.Name}")?.Settings.DispatchWindowSeconds ?? product;
            var rate = Math.Clamp(rates[o.Zone.Zone] + (window > product ? options.Effect : 0), 0, 1);
            var order = grains.Order(new OrderId(o.OrderId));
            await Retried(() => order.MarkPickedUpAsync("courier:" + courier));
            if (Fnv1a.Uniform($"{options.Seed}#{o.OrderId}") < rate)
            {
                await Delivered(order, o.OrderId, courier);
            }
            else
            {
                lock (late)
                {
                    late.Add((o.OrderId, courier));
                }
            }
        });
        clock.Advance(_dispatch.PromiseWithin + TimeSpan.FromMinutes(1));
        await System.Threading.Tasks.Parallel.ForEachAsync(late, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (l, _) => await Delivered(grains.Order(new OrderId(l.OrderId)), l.OrderId, l.Courier));

        // Each delivery reaches the zone's tally from the order's outbox, in a turn after the hand-over's answer.
        var results = await ObservedAsync(experiment, orders.Count);
        await TrialExperiment.StopAsync(experiment, clock);
        var zones = results.Units.Single(u => u.Unit == ExperimentUnitKinds.Region);
        var comparison = zones.ShareChange[1] ?? throw new InvalidOperationException($"{id}: a variant has fewer than two zones with deliveries.");
        return new TrialRun(
            injected, zones.Exposed[0], zones.Exposed[1], zones.Shares[0], zones.Shares[1],
            comparison.Difference, comparison.Low, comparison.High, comparison.PValue, zones.SampleRatio.Mismatch, mismatched);
    }

    private static async Task<ExperimentResults> ObservedAsync(Grains.Interfaces.Experiments.IExperimentGrain experiment, int deliveries)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var results = (await experiment.GetResultsAsync())!;
            if (results.Units.SingleOrDefault(u => u.Unit == ExperimentUnitKinds.Region) is { } zones && zones.Observed.Sum() == deliveries)
            {
                return results;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{results.ExperimentId}: {(results.Units.Count > 0 ? results.Units[0].Observed.Sum() : 0)} of {deliveries} deliveries observed after a minute.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100)); // polling the outboxes' progress, under a deadline
        }
    }

    private async Task<bool> AcceptAsync(WaitingOrder offer)
    {
        var courier = new CourierId(offer.OfferedTo!);
        var answered = await Retried(() => grains.Courier(courier).AnswerOfferAsync(new OrderId(offer.OrderId), true));
        return answered.Succeeded && (await Retried(() => grains.Order(new OrderId(offer.OrderId)).DispatchAsync(courier, "courier:" + courier.Value))).Succeeded;
    }

    private static async Task Delivered(IOrderGrain order, string orderId, string courier)
    {
        var done = await Retried(() => order.MarkDeliveredAsync("courier:" + courier));
        if (!done.Succeeded)
        {
            throw new InvalidOperationException($"Order {orderId} was not delivered: {done.Outcome} {done.Detail}");
        }
    }

    /// <summary>A point a few hundred metres from <paramref name="position"/>, different for each <paramref name="n"/>.</summary>
    private static GeoPoint Near(GeoPoint position, int n) =>
        new() { Lat = position.Lat + (0.001 * ((n % 5) + 1)), Lon = position.Lon + (0.001 * ((n / 5 % 5) + 1)) };

    private static Task<T> Retried<T>(Func<Task<T>> call) => TrialSimulation.Retried(call);
}
