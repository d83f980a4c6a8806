using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Hosting.Simulation;

namespace Tandem.ReturnsSeason;

/// <summary>
/// One season under one policy through the real grains: a silo in this process on the season's clock
/// (<see cref="SimulatedClock"/>), moved from one event to the next. Shoppers place store-pickup orders, collect them and
/// send some back; the return grain's pre-check, the choice of coupon or refund (when the policy offers coupons),
/// store hand-ins graded at the counter, courier pickups graded at a sorting centre of limited capacity, the put-away, the
/// coupons spent at checkout and the purchases counted for buying again are the platform's own. Every draw comes from the
/// seed and the thing it is about (a shopper, an order), so both policies meet the same shoppers, orders and returns:
/// what differs is the coupon and what it leads to.
/// </summary>
internal sealed class SeasonSimulation(SeasonOptions options, int seed, bool coupons)
{
    private const string Store = "st-season";
    private const string Warehouse = "wh-season";
    private const string Sku = "SEASON-ITEM";
    private const int Couriers = 20;

    /// <summary>After the days shoppers send things back, the season runs on this long: every return settled, and its 30 days over.</summary>
    private static readonly TimeSpan RunOn = TimeSpan.FromDays(70);
    private static readonly byte[] TagPhoto = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[2044]];

    private readonly PriorityQueue<Func<Task>, (DateTimeOffset At, long Order)> _events = new();
    private readonly Queue<(IReturnGrain Return, ReturnGrade Grade, double UsesCoupon, int Shopper)> _atSorting = new();
    private readonly List<(string ReturnId, bool Fault)> _returns = [];
    private readonly List<string> _couponOrders = [];
    private SimulatedClock _clock = null!;
    private IGrainFactory _grains = null!;
    private long _sequence;
    private int _courier;

    public async Task<SeasonRun> RunAsync()
    {
        _clock = new SimulatedClock(options.Start);
        using var host = SimulatedSilo.Build(_clock, new Dictionary<string, string?>
        {
            ["Tandem:Returns:OfferCoupons"] = coupons ? "true" : "false",
            ["Tandem:Orders:MaxReservedUnitsPerShopper"] = "1000",
        });
        await host.StartAsync();
        _grains = host.Services.GetRequiredService<IGrainFactory>();
        await OpenAsync();
        var end = options.Start.AddDays(options.Days) + RunOn;
        for (var shopper = 0; shopper < options.Shoppers; shopper++)
        {
            // Shoppers keep buying to the end, so every return's 30 days see the same habits; only the first days' orders come back.
            var draw = Draw(1, shopper);
            for (var at = options.Start + Exponential(draw, options.OrdersPerDay); at < end; at += Exponential(draw, options.OrdersPerDay))
            {
                var (who, when) = (shopper, at);
                Schedule(when, () => BuyAsync(who, when, couponCode: null));
            }
        }

        for (var day = options.Start.Date; day < end.Date; day = day.AddDays(1))
        {
            if (day.DayOfWeek != DayOfWeek.Sunday) // the sorting centre does not work on Sundays
            {
                Schedule(new DateTimeOffset(day.AddHours(8), TimeSpan.Zero), SortingShiftAsync);
            }
        }

        while (_events.TryDequeue(out var next, out var key))
        {
            _clock.AdvanceTo(key.At);
            await next();
        }

        // Every return's 30 days are over now; each return is woken as the sweeper would.
        _clock.AdvanceTo(end);
        foreach (var (returnId, _) in _returns)
        {
            await _grains.Return(returnId).CatchUpAsync();
        }

        var views = new List<(ReturnView View, bool Fault)>();
        foreach (var (returnId, fault) in _returns)
        {
            views.Add(((await _grains.Return(returnId).GetAsync())!, fault));
        }

        var spent = 0;
        foreach (var orderId in _couponOrders)
        {
            spent += (await _grains.Order(new OrderId(orderId)).GetAsync())?.Discount > 0 ? 1 : 0;
        }

        var board = await _grains.ReturnsBoard().GetAsync();
        await host.StopAsync();
        return SeasonRun.Of(seed, coupons, views, spent, board);
    }

    private async Task OpenAsync()
    {
        var store = new Location { Id = Store, Name = "Season store", Kind = LocationKind.Store, Position = new GeoPoint { Lat = 51.5390, Lon = -0.1426 }, Address = "Season store" };
        var warehouse = new Location { Id = Warehouse, Name = "Season warehouse", Kind = LocationKind.Warehouse, Position = new GeoPoint { Lat = 51.5290, Lon = -0.2700 }, Address = "Season warehouse" };
        var product = new Product
        {
            Sku = Sku, Name = "Season item", Category = "fashion", Price = 25m, Dimensions = new Dimensions { LengthCm = 30, WidthCm = 20, HeightCm = 5 },
            WeightKg = 0.5, SceneTags = ["season"], Description = "What the season's shoppers buy.",
        };
        await _grains.Catalog().UpsertAsync([product], [store, warehouse]);
        await _grains.Cell(new CellKey(Sku, Store)).ReceiveAsync(1_000_000, "season-opening", "season");
        for (var i = 0; i < Couriers; i++)
        {
            await _grains.Courier(new CourierId($"season-courier-{i}")).RegisterAsync($"Courier {i}", 50, store.Position, CourierStatus.Idle);
        }
    }

    /// <summary>An order placed, packed, ready and collected at once; perhaps sent back later.</summary>
    private async Task BuyAsync(int shopper, DateTimeOffset at, string? couponCode)
    {
        var shopperId = $"shopper-{shopper}";
        var orderId = couponCode is null ? $"o-{shopper}-{at.UtcTicks}" : $"o-{shopper}-{couponCode}";
        var order = _grains.Order(new OrderId(orderId));
        var placed = await order.PlaceAsync(new PlaceOrder
        {
            ShopperId = new(shopperId), SessionId = new($"s-{shopper}"), Lines = [new OrderLineRequest { Sku = Sku, Quantity = 1 }],
            Mode = FulfilmentMode.Pickup, PickupLocationId = Store, CouponCode = couponCode,
        });
        if (!placed.Succeeded)
        {
            throw new InvalidOperationException($"Order {orderId} was not placed: {placed.Outcome} {placed.Detail}");
        }

        await order.PackAsync("season:staff");
        await order.MarkReadyForPickupAsync("season:staff");
        await order.MarkPickedUpAsync("shopper:" + shopperId);
        if (couponCode is not null)
        {
            _couponOrders.Add(orderId);
        }

        var draw = Draw(2, shopper, (int)(at.UtcTicks % int.MaxValue));
        if (draw.NextDouble() < options.ReturnShare && at < options.Start.AddDays(options.Days))
        {
            var after = TimeSpan.FromDays(Math.Min(25, -options.ReturnAfterDays * Math.Log(1 - draw.NextDouble())));
            var fault = draw.NextDouble() < options.FaultShare;
            var store = draw.NextDouble() < options.StoreShare;
            var (takesCoupon, usesCoupon, grade) = (draw.NextDouble() < options.CouponTakeUp, draw.NextDouble(), draw.NextDouble());
            Schedule(at + after, () => ReturnAsync(shopper, orderId, fault, store, takesCoupon, usesCoupon, grade, draw.Next()));
        }
    }

    private async Task ReturnAsync(int shopper, string orderId, bool fault, bool atStore, bool takesCoupon, double usesCoupon, double gradeDraw, int timing)
    {
        var returnId = "r-" + orderId;
        var ret = _grains.Return(returnId);
        var made = await ret.RequestAsync(new ReturnRequest
        {
            ShopperId = $"shopper-{shopper}", OrderId = orderId, Sku = Sku, Quantity = 1,
            Reason = fault ? ReturnReason.Defective : ReturnReason.WrongSize, Condition = ItemCondition.OpenedUnused, TagsAttached = true,
            PhotoType = "image/jpeg", Photo = TagPhoto,
        });
        if (made.Return?.Status is ReturnStatus.InReview)
        {
            await ret.ReviewAsync(approve: true, "season:ops", "fault seen on the photo");
        }
        else if (made.Return?.Status is not ReturnStatus.Approved)
        {
            throw new InvalidOperationException($"Return {returnId} was not approved: {made.Outcome} {made.Return?.Check.Reason}");
        }

        _returns.Add((returnId, fault));
        if (coupons && !fault && takesCoupon)
        {
            await ret.ChooseCompensationAsync(CompensationKind.Coupon, $"shopper-{shopper}", $"shopper:shopper-{shopper}");
        }

        var draw = new Random(timing);
        var grade = gradeDraw < 0.7 ? ReturnGrade.A : gradeDraw < 0.9 ? ReturnGrade.B : ReturnGrade.C;
        var now = _clock.GetUtcNow();
        if (atStore)
        {
            var handIn = now + Hours(draw, 2, 72); // the shopper comes by within three days
            Schedule(handIn, async () =>
            {
                await ret.HandInAtStoreAsync(Store, "season:counter");
                _clock.Advance(TimeSpan.FromMinutes(3 + (12 * draw.NextDouble()))); // the counter grades within minutes
                await SettleAsync(shopper, ret, grade, Store, "season:counter", usesCoupon, draw);
            });
        }
        else
        {
            var courier = $"season-courier-{_courier++ % Couriers}";
            await ret.SchedulePickupAsync(courier, "season:ops");
            var collected = now + Hours(draw, 2, 36);
            Schedule(collected, () => ret.CollectByCourierAsync(courier, "courier:" + courier));
            Schedule(collected + Hours(draw, 3, 20), async () =>
            {
                await ret.ArriveAtSortingAsync("courier:" + courier);
                _atSorting.Enqueue((ret, grade, usesCoupon, shopper));
            });
        }
    }

    /// <summary>The sorting centre's day: up to <see cref="SeasonOptions.SortingPerDay"/> items graded between 08:00 and 18:00, oldest first.</summary>
    private Task SortingShiftAsync()
    {
        var start = _clock.GetUtcNow();
        var slot = TimeSpan.FromHours(10) / options.SortingPerDay;
        for (var i = 0; i < options.SortingPerDay && _atSorting.TryDequeue(out var item); i++)
        {
            var (ret, grade, uses, shopper) = item;
            var draw = Draw(3, shopper, i);
            Schedule(start + (slot * i), () => SettleAsync(shopper, ret, grade, Warehouse, "season:sorting", uses, draw));
        }

        return Task.CompletedTask;
    }

    /// <summary>Grades (which settles), puts an A or B item back on sale within hours, and spends a coupon as the shopper would.</summary>
    private async Task SettleAsync(int shopper, IReturnGrain ret, ReturnGrade grade, string location, string actor, double usesCoupon, Random draw)
    {
        var graded = await ret.GradeAsync(grade, location == Store ? Store : null, actor, null);
        var settlement = graded.Return?.Settlement ?? throw new InvalidOperationException($"{ret.GetPrimaryKeyString()} was not settled: {graded.Outcome} {graded.Detail}");
        if (grade != ReturnGrade.C)
        {
            Schedule(_clock.GetUtcNow() + Hours(draw, 1, 30), () => ret.PutAwayAsync(location, actor));
        }

        if (settlement.CouponCode is { } code && usesCoupon < options.CouponUse)
        {
            Schedule(settlement.At + TimeSpan.FromDays(1 + (28 * draw.NextDouble())), () => BuyAsync(shopper, _clock.GetUtcNow(), code));
        }
    }

    private void Schedule(DateTimeOffset at, Func<Task> step) => _events.Enqueue(step, (at, _sequence++));

    private Random Draw(int what, int who, int which = 0) => new(unchecked((((seed * 1_000_003) + what) * 1_000_033) + (who * 7_919) + which));

    private static TimeSpan Exponential(Random draw, double perDay) => TimeSpan.FromDays(-Math.Log(1 - draw.NextDouble()) / perDay);

    private static TimeSpan Hours(Random draw, double least, double most) => TimeSpan.FromHours(least + ((most - least) * draw.NextDouble()));
}
