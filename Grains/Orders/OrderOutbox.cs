using Microsoft.Extensions.Logging;

using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Orders;
using Tandem.Grains.Catalog;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Kpis;
using Tandem.Grains.Recommendations;

namespace Tandem.Grains.Orders;

/// <summary>
/// The order's outbox: delivers its <see cref="OrderDuty"/>s in the order written (KPI counts last, in a turn of their own,
/// so counting never delays an answer) and retries them in the live
/// activation (doubling from <see cref="OrderOptions.DutyRetry"/> to a minute). A crash cannot lose them: the write
/// that holds a duty also makes the order due within <see cref="OrderOptions.CatchUpAfter"/>, and the order sweeper
/// wakes it then. The order supplies its live state, what a retry does (finish an interrupted step, then deliver).
/// </summary>
internal sealed class OrderOutbox(
    Grain grain, IGrainFactory grains, CatalogFacts catalog, string orderId, Func<OrderState> order, Func<Task> retry,
    OrderOptions options, DispatchOptions dispatch, LiveExperiments experiments, TimeProvider clock, ILogger logger)
{
    private OrderId Key { get; } = new(orderId);

    private IGrainTimer? _retry;
    private IGrainTimer? _count;
    private TimeSpan _nextRetry;

    private OrderState S => order();

    /// <summary>
    /// Delivers the duties in the order written, but for KPI counts, which follow in a turn of their own. An acknowledged duty is dropped in memory at once and from storage
    /// with the next write (delivering it again after a crash is harmless: every duty is idempotent). A failure
    /// stops at that duty and tries again later.
    /// </summary>
    /// <param name="countNow">Count the KPIs in this turn too (nobody waits for an answer: the sweeper's catch-up).</param>
    public async Task DeliverAsync(bool countNow = false)
    {
        var next = 0;
        while (next < S.Duties.Count)
        {
            var duty = S.Duties[next];
            if (duty.Kind == OrderDutyKind.CountKpis && !countNow)
            {
                next++; // counted once the caller has its answer (CountAsync)
                continue;
            }

            try
            {
                await PerformAsync(duty);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.DutyFailed(ex, orderId, duty.Kind);
                ScheduleRetry();
                return;
            }

            S.Duties.RemoveAt(next);
        }

        if (next > 0)
        {
            _count ??= grain.RegisterGrainTimer(CountAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
            return;
        }

        _retry?.Dispose();
        _retry = null;
        _nextRetry = TimeSpan.Zero;
    }

    /// <summary>
    /// Delivers the KPI duties left by <see cref="DeliverAsync"/> (and anything else still owed), in a turn of their own after
    /// the one that wrote them, so that counting never delays an answer; a failure is retried like any duty.
    /// </summary>
    private Task CountAsync()
    {
        _count?.Dispose();
        _count = null;
        return DeliverAsync(countNow: true);
    }

    /// <summary>Tries undelivered duties and an unfinished step again in this activation, backing off to a minute.</summary>
    public void ScheduleRetry()
    {
        _nextRetry = _nextRetry == TimeSpan.Zero ? options.DutyRetry : TimeSpan.FromTicks(Math.Min(_nextRetry.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
        _retry?.Dispose();
        _retry = grain.RegisterGrainTimer(
            async () =>
            {
                try
                {
                    await retry();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.StepFailed(ex, orderId);
                    ScheduleRetry();
                }
            },
            new GrainTimerCreationOptions(_nextRetry, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task PerformAsync(OrderDuty duty)
    {
        switch (duty.Kind)
        {
            case OrderDutyKind.SessionOrderPlaced:
                await grains.Session(new SessionId(S.SessionId)).OrderPlacedAsync(Key, duty.Skus, S.Revenue());
                break;
            case OrderDutyKind.SessionOrderClosed:
                await grains.Session(new SessionId(S.SessionId)).OrderClosedAsync(Key);
                break;
            case OrderDutyKind.EnterDispatchQueue:
                if (dispatch.Offers)
                {
                    var pickup = await FulfilmentPlanner.WhereFromAsync(grains, S);
                    var zone = dispatch.ZoneOf(pickup.Position);
                    await grains.ZoneDispatcher(zone).EnqueueAsync(new WaitingOrder
                    {
                        OrderId = orderId, PickupLocationId = pickup.Id, Pickup = pickup.Position, Dropoff = S.DeliveryAddress!, Since = clock.GetUtcNow(), Zone = zone,
                    });
                }

                break;
            case OrderDutyKind.ReleaseShopperHold:
                await grains.ShopperHolds(new ShopperId(S.ShopperId)).ReleaseAsync(Key, duty.At);
                break;
            case OrderDutyKind.LearnBasket:
                var bought = await grains.Catalog().GetProductsAsync(duty.Skus);
                await Task.WhenAll(BasketLessons.From("order:" + orderId, duty.Skus, bought.Select(p => (p.Sku, (string?)p.Category)), S.ShopperId is { Length: > 0 } buyer ? buyer : null, duty.At ?? clock.GetUtcNow())
                    .Select(l => grains.ProductGraph(l.Sku).LearnAsync(l.Lesson)));
                break;
            case OrderDutyKind.CountDemand:
                var at = duty.At ?? clock.GetUtcNow();
                await Task.WhenAll(S.Lines.Select((line, i) => grains.Demand(new CellKey(line.Sku, line.LocationId)).RecordAsync(new DemandEntry
                {
                    Id = $"order:{orderId}:line:{i}",
                    At = at,
                    Units = line.Quantity,
                    Revenue = line.Quantity * line.UnitPrice,
                })));
                break;
            case OrderDutyKind.ReleaseCoupon:
                await grains.Coupon(duty.Reference!).ReleaseAsync(orderId);
                break;
            case OrderDutyKind.CountKpis:
                var source = FulfilmentPlanner.WhereFrom(await catalog.ReadLocationsAsync(), S); // the silo's copy: no call to the catalog
                var region = dispatch.ZoneOf(source.Position);
                var arms = ExperimentUnits.ZoneArms(await experiments.GetAsync(), region).ToList();
                await KpiDelivery.SendAsync(grains, region, duty.Facts, arms);
                await ZoneOutcomes.RecordAsync(grains, region, arms, orderId, duty.Facts);
                break;
            case OrderDutyKind.LeaveDispatchQueue:
                if (S.Mode == FulfilmentMode.Delivery)
                {
                    var from = (await FulfilmentPlanner.WhereFromAsync(grains, S)).Position;
                    await grains.ZoneDispatcher(dispatch.ZoneOf(from)).LeaveAsync(Key, S.Status == OrderStatus.Cancelled ? null : S.CourierId);
                }

                break;
        }
    }
}
