using System.Diagnostics;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Tandem.Brains.Dispatch;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Weather;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Hosting.Demo;
using Tandem.Hosting.Simulation;
using Tandem.Simulator.City;

namespace Tandem.DispatchDay;

/// <summary>
/// One policy's day through the real grains: a silo in this process (embedded storage, in-memory streams) whose business
/// clock is the day's (<see cref="SimulatedClock"/>), moved a second at a time. Each second: orders are placed and, once
/// their store has packed them, enter their zone's queue (the order's own outbox); every zone is asked to decide (its
/// window passes on the day's clock); couriers answer offers as the plan says, ride their grain's planned stops through
/// the street grid at 18 km/h (slower in the rain and the rush hour), collect (2 minutes, 20 s for the next order at the
/// same counter) and hand over (90 s: <see cref="StopTimes.Street"/>), reporting their position every 15 s. The rain spell slows the west of the city and
/// sends three in ten idle couriers there home until it stops.
/// </summary>
internal sealed class DaySimulation(DayOptions options, DayPlan plan, DispatchPolicy policy)
{
    private const string Sku = "DAY-BASKET";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Drain = TimeSpan.FromHours(6);
    private static readonly RainArea Rain = new()
    {
        Id = "day-rain", Lat = 51.50, Lon = -0.17, RadiusKm = 5, MmPerHour = 6, Until = DateTimeOffset.MaxValue, Source = "ops",
    };

    private readonly TravelModel _world = new();
    private readonly Dictionary<string, OrderLife> _orders = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset At, string OrderId, string CourierId, Answer Answer)> _answers = [];
    private readonly Dictionary<(string, string), int> _attempts = [];
    private readonly Dictionary<string, long> _mustSee = new(StringComparer.Ordinal);

    public async Task<DayResult> RunAsync(CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var (opens, closes) = (options.Day.AddHours(options.OpensAt), options.Day.AddHours(options.ClosesAt));
        var clock = new SimulatedClock(opens);
        using var host = BuildSilo(clock);
        await host.StartAsync(cancellationToken);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var stores = await SeedAsync(grains);
        var dispatch = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DispatchOptions>>().Value;
        var zones = stores.Select(s => dispatch.ZoneOf(s.Position)).Distinct().ToList();
        var couriers = plan.Couriers.Select(c => new DayCourier(c)).ToList();
        foreach (var courier in couriers)
        {
            var planned = plan.Couriers.First(c => c.Id == courier.Id);
            await grains.Courier(new CourierId(courier.Id)).RegisterAsync(courier.Id, planned.Capacity, courier.Position, CourierStatus.Idle);
        }

        var (rainStarts, rainEnds) = (options.Day.AddHours(options.RainFrom), options.Day.AddHours(options.RainFrom + options.RainHours));
        var raining = false;
        var next = 0;
        var packing = new PriorityQueue<string, DateTimeOffset>();
        for (var now = clock.GetUtcNow(); now < closes + Drain && (now < closes || _orders.Values.Any(o => o.DeliveredAt is null)); now = clock.GetUtcNow())
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The weather.
            if (options.RainHours > 0 && !raining && now >= rainStarts && now < rainEnds)
            {
                raining = true;
                await grains.Weather().SetRainAsync(Rain with { Until = rainEnds });
                await SendHomeAsync(grains, couriers);
            }
            else if (raining && now >= rainEnds)
            {
                raining = false;
                await grains.Weather().ClearRainAsync(Rain.Id);
                foreach (var courier in couriers.Where(c => c.RainedOff))
                {
                    (courier.RainedOff, courier.Online) = (false, true);
                    await Seen(grains, courier.Id, (await grains.Courier(new CourierId(courier.Id)).SetAvailabilityAsync(true)).Courier);
                }
            }

            // Orders placed now, and packed ones into their zone's queue.
            for (; next < plan.Orders.Count && plan.Orders[next].PlacedAt <= now; next++)
            {
                var order = plan.Orders[next];
                var placed = await grains.Order(new OrderId(order.OrderId)).PlaceAsync(new PlaceOrder
                {
                    ShopperId = new("day-shopper-" + next), SessionId = new("day-session-" + next), Mode = FulfilmentMode.Delivery,
                    DeliveryAddress = order.Door, Lines = [new OrderLineRequest { Sku = Sku, Quantity = 1 }],
                });
                if (placed.Succeeded)
                {
                    _orders[order.OrderId] = new OrderLife(order);
                    packing.Enqueue(order.OrderId, order.PlacedAt + order.Prep);
                }
            }

            while (packing.TryPeek(out var orderId, out var ready) && ready <= now)
            {
                packing.Dequeue();
                if ((await grains.Order(new OrderId(orderId)).PackAsync("store:day")).Succeeded)
                {
                    _orders[orderId].PackedAt = now;
                }
            }

            // The zones decide (each only when its window has passed).
            foreach (var offers in await Task.WhenAll(zones.Select(z => grains.ZoneDispatcher(z).DecideAsync())))
            {
                foreach (var offer in offers)
                {
                    var attempt = _attempts[(offer.OrderId, offer.OfferedTo!)] = _attempts.GetValueOrDefault((offer.OrderId, offer.OfferedTo!)) + 1;
                    var (answer, after) = plan.AnswerOf(offer.OrderId, offer.OfferedTo!, attempt);
                    _answers.Add((now + after, offer.OrderId, offer.OfferedTo!, answer));
                    _orders[offer.OrderId].Offers++;
                    couriers.First(c => c.Id == offer.OfferedTo).Offers++;
                }
            }

            // Couriers answer.
            foreach (var due in _answers.Where(a => a.At <= now).ToList())
            {
                _answers.Remove(due);
                await AnswerAsync(grains, couriers.First(c => c.Id == due.CourierId), due.OrderId, due.Answer, now);
            }

            // Couriers ride and serve their stops.
            foreach (var courier in couriers)
            {
                await RideAsync(grains, courier, now, raining && InRain(courier.Position));
            }

            await SettleAsync(grains);
            clock.Advance(Step);
        }

        foreach (var stuck in _orders.Values.Where(o => o.DeliveredAt is null).Take(10))
        {
            var view = await grains.Order(new OrderId(stuck.Plan.OrderId)).GetAsync();
            var carrier = couriers.FirstOrDefault(c => c.Id == view?.CourierId);
            Console.Error.WriteLine($"  not delivered: {stuck.Plan.OrderId} placed {stuck.Plan.PlacedAt:HH:mm}, {view?.Status} courier {view?.CourierId ?? "-"}, {stuck.Offers} offer(s); courier stops {carrier?.Stops.Count}, serving {carrier?.Serving?.OrderId}, online {carrier?.Online}");
        }

        await host.StopAsync(cancellationToken);
        var all = _orders.Values.ToList();
        var promise = new DispatchOptions().PromiseWithin;
        var online = couriers.Sum(c => c.OnlineSeconds);
        return new DayResult(
            policy == DispatchPolicy.NearestIdle ? "nearest-idle" : "least-cost",
            DayFigures.Of(all, promise),
            DayFigures.Of([.. all.Where(o => DayOptions.IsPeak(o.Plan.PlacedAt))], promise),
            online == 0 ? 0 : Math.Round(100 * couriers.Sum(c => c.BusySeconds) / online, 1),
            Math.Round(couriers.Sum(c => c.Km), 1),
            couriers.Sum(c => c.Offers),
            Math.Round(wall.Elapsed.TotalSeconds, 1));
    }

    private async Task AnswerAsync(IGrainFactory grains, DayCourier courier, string orderId, Answer answer, DateTimeOffset now)
    {
        if (answer == Answer.Silence)
        {
            return; // the offer expires and the zone moves on
        }

        var answered = await grains.Courier(new CourierId(courier.Id)).AnswerOfferAsync(new OrderId(orderId), answer == Answer.Accept);
        if (!answered.Succeeded || answer == Answer.Decline)
        {
            return;
        }

        var carriedBefore = answered.Courier?.Assignments.Count ?? 0;
        var dispatched = await grains.Order(new OrderId(orderId)).DispatchAsync(new CourierId(courier.Id), "courier:" + courier.Id);
        if (dispatched.Succeeded)
        {
            (_orders[orderId].AcceptedAt, _orders[orderId].Batched) = (now, carriedBefore > 0);
            await RefreshAsync(grains, courier);
        }
    }

    private async Task RideAsync(IGrainFactory grains, DayCourier courier, DateTimeOffset now, bool wet)
    {
        if (courier.Online)
        {
            courier.OnlineSeconds += Step.TotalSeconds;
            courier.BusySeconds += courier.Carrying > 0 ? Step.TotalSeconds : 0;
        }

        if (courier.Serving is { } stop)
        {
            if (now < courier.ServiceEnds)
            {
                return;
            }

            var order = grains.Order(new OrderId(stop.OrderId));
            var done = stop.IsPickup ? await order.MarkPickedUpAsync("courier:" + courier.Id) : await order.MarkDeliveredAsync("courier:" + courier.Id);
            if (done.Succeeded && stop.IsPickup)
            {
                _orders[stop.OrderId].CollectedAt = now;
            }
            else if (done.Succeeded)
            {
                _orders[stop.OrderId].DeliveredAt = now;
            }
            else if (!done.Succeeded)
            {
                Console.Error.WriteLine($"  {courier.Id} could not {(stop.IsPickup ? "collect" : "hand over")} {stop.OrderId}: {done.Outcome} {done.Detail}");
            }

            (courier.Serving, courier.LastServed) = (null, stop.Position);
            await RefreshAsync(grains, courier);
            return;
        }

        if (courier.Stops.Count == 0)
        {
            return;
        }

        var target = courier.Stops[0];
        var km = _world.KilometresPerHour * _world.SpeedFactor(wet, now) * Step.TotalHours;
        var moved = Math.Min(km, Streets.Km(courier.Position, target.Position));
        courier.Position = Streets.Advance(courier.Position, target.Position, km);
        (courier.Km, courier.MovedSinceReport) = (courier.Km + moved, courier.MovedSinceReport || moved > 0);
        if (Streets.Arrived(courier.Position, target.Position))
        {
            courier.Position = target.Position;
            var again = target.IsPickup && courier.LastServed is { } last && Streets.Arrived(last, target.Position) && moved == 0;
            var times = _world.AtStops;
            (courier.Serving, courier.ServiceEnds) = (target, now + (target.IsPickup ? again ? times.CollectAgain : times.Collect : times.HandOver));
            await ReportAsync(grains, courier, now);
        }
        else if (now - courier.LastReport >= ReportEvery && courier.MovedSinceReport)
        {
            await ReportAsync(grains, courier, now);
        }
    }

    private static async Task ReportAsync(IGrainFactory grains, DayCourier courier, DateTimeOffset now)
    {
        await grains.Courier(new CourierId(courier.Id)).UpdatePositionAsync(courier.Position, now);
        (courier.LastReport, courier.MovedSinceReport) = (now, false);
    }

    /// <summary>The courier's planned stops and load from their grain, after anything changed what they carry.</summary>
    private async Task RefreshAsync(IGrainFactory grains, DayCourier courier)
    {
        var view = await grains.Courier(new CourierId(courier.Id)).GetAsync();
        (courier.Stops, courier.Carrying) = (view?.Stops ?? [], view?.Assignments.Count ?? 0);
        await Seen(grains, courier.Id, view);
    }

    private Task Seen(IGrainFactory grains, string courierId, CourierView? view)
    {
        if (view is not null)
        {
            _mustSee[courierId] = Math.Max(_mustSee.GetValueOrDefault(courierId), view.Version);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits (briefly, in real time) until the courier boards show what changed this second, so the next window weighs
    /// couriers as they are: on the day's clock the stream's milliseconds would otherwise be seconds.
    /// </summary>
    private async Task SettleAsync(IGrainFactory grains)
    {
        if (_mustSee.Count == 0)
        {
            return;
        }

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(2))
        {
            var boards = (await grains.CouriersFromBoardsAsync()).ToDictionary(c => c.CourierId, c => c.Version, StringComparer.Ordinal);
            if (_mustSee.All(m => boards.GetValueOrDefault(m.Key) >= m.Value))
            {
                break;
            }

            await Task.Delay(1);
        }

        _mustSee.Clear();
    }

    private async Task SendHomeAsync(IGrainFactory grains, List<DayCourier> couriers)
    {
        var random = new Random(options.Seed + 7);
        foreach (var courier in couriers.Where(c => InRain(c.Position)))
        {
            if (random.NextDouble() < 0.3 && courier.Carrying == 0)
            {
                var off = await grains.Courier(new CourierId(courier.Id)).SetAvailabilityAsync(false);
                if (off.Succeeded)
                {
                    (courier.RainedOff, courier.Online) = (true, false);
                    await Seen(grains, courier.Id, off.Courier);
                }
            }
        }
    }

    private static bool InRain(GeoPoint at) => new[] { Rain }.RainsAt(at);

    private static async Task<IReadOnlyList<Location>> SeedAsync(IGrainFactory grains)
    {
        var city = new DemoCity(20261124);
        var product = new Product
        {
            Sku = Sku, Name = "Day basket", Category = "grocery", Price = 20m, Dimensions = new Dimensions { LengthCm = 30, WidthCm = 20, HeightCm = 15 },
            WeightKg = 2, SceneTags = ["home-cooking"], Description = "What a simulated shopper orders.",
        };
        await grains.Catalog().UpsertAsync([product], city.Locations);
        var stores = city.Locations.Where(l => l.Kind == LocationKind.Store).ToList();
        foreach (var store in stores)
        {
            await grains.Cell(new CellKey(Sku, store.Id)).ReceiveAsync(100_000, "day-opening", "day");
        }

        return stores;
    }

    private IHost BuildSilo(SimulatedClock clock) => SimulatedSilo.Build(clock, new Dictionary<string, string?>
    {
        ["Tandem:Dispatch:DriveWindows"] = "true",
        ["Tandem:Dispatch:Policy"] = policy.ToString(),
    });
}
