using Microsoft.Extensions.Logging;

using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Orders;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Orders;

/// <summary>
/// The order's outbox: delivers its <see cref="OrderDuty"/>s in the order written, retries them in the live
/// activation (doubling from <see cref="OrderOptions.DutyRetry"/> to a minute) and keeps the order's reminder
/// registered from placement until the order is finished, so a crash cannot lose them. The order supplies its live
/// state, how to save it, and what a retry does (finish an interrupted step, then deliver).
/// </summary>
internal sealed class OrderOutbox(
    Grain grain, IGrainFactory grains, string orderId, Func<OrderState> order, Func<Task> save, Func<Task> retry,
    OrderOptions options, DispatchOptions dispatch, TimeProvider clock, ILogger logger)
{
    private OrderId Key { get; } = new(orderId);

    /// <summary>The order's reminder: it finishes unfinished steps and duties after a crash.</summary>
    public const string Reminder = "order-duties";

    private IGrainTimer? _retry;
    private TimeSpan _nextRetry;

    private OrderState S => order();

    /// <summary>A step, a duty or a placement plan the reminder must see through if this activation dies.</summary>
    public bool LeftToFinish => S.Step is not null || S.Duties.Count > 0 || S.PlannedAt is not null;

    /// <summary>
    /// Delivers the duties in the order written. An acknowledged duty is dropped in memory at once and from storage
    /// with the next write (delivering it again after a crash is harmless: every duty is idempotent). A failure
    /// stops at that duty and tries again later.
    /// </summary>
    public async Task DeliverAsync()
    {
        while (S.Duties.Count > 0)
        {
            try
            {
                await PerformAsync(S.Duties[0]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.DutyFailed(ex, orderId, S.Duties[0].Kind);
                ScheduleRetry();
                return;
            }

            S.Duties.RemoveAt(0);
        }

        _retry?.Dispose();
        _retry = null;
        _nextRetry = TimeSpan.Zero;
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

    /// <summary>
    /// Registers the order's reminder, to be awaited together with the write that first needs it: the order is marked
    /// watched at once, so that write stores the mark. Should the registration fail after the write succeeded, the
    /// placement's retry registers <paramref name="again"/> (registering is idempotent).
    /// </summary>
    public Task WatchAsync(bool again = false)
    {
        if (S.Watched && !again)
        {
            return Task.CompletedTask;
        }

        S.Watched = true;
        return RegisterAsync(options.ReminderPeriod, options.ReminderPeriod);
    }

    /// <summary>
    /// Unregisters the order's reminder once nothing is left for it to do. From the reminder's own tick it is
    /// unregistered even when the stored order does not know it is watched (its write failed beside the registration).
    /// </summary>
    public async Task UnwatchAsync(bool ticking = false)
    {
        if (!S.Watched && !ticking)
        {
            return;
        }

        if (await grain.GetReminder(Reminder) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        if (S.Watched || S.Dozing)
        {
            S.Watched = false;
            S.Dozing = false;
            await save();
        }
    }

    /// <summary>
    /// Slows the reminder of an open order with nothing left to finish to <see cref="OrderOptions.IdleReminderPeriod"/>
    /// (first due after <paramref name="dueIn"/>), so the order can leave memory while it waits. Saved as dozing before
    /// the reminder slows, so a later write of a step or duty always speeds it up again first (<see cref="WakeAsync"/>).
    /// </summary>
    public async Task DozeAsync(TimeSpan dueIn)
    {
        if (!S.Dozing)
        {
            S.Dozing = true;
            await save();
        }

        await RegisterAsync(dueIn, options.IdleReminderPeriod);
    }

    /// <summary>
    /// Before a write that leaves something to finish (a step, a duty, a plan): a dozing order's reminder is brought
    /// back to <see cref="OrderOptions.ReminderPeriod"/>, so a crash after that write is caught up within it.
    /// </summary>
    public async Task WakeAsync()
    {
        if (S.Dozing && LeftToFinish)
        {
            await RegisterAsync(options.ReminderPeriod, options.ReminderPeriod);
            S.Dozing = false;
        }
    }

    private Task<IGrainReminder> RegisterAsync(TimeSpan dueIn, TimeSpan period) => grain.RegisterOrUpdateReminder(Reminder, dueIn, period);

    private async Task PerformAsync(OrderDuty duty)
    {
        switch (duty.Kind)
        {
            case OrderDutyKind.SessionOrderPlaced:
                await grains.Session(new SessionId(S.SessionId)).OrderPlacedAsync(Key, duty.Skus);
                break;
            case OrderDutyKind.SessionOrderClosed:
                await grains.Session(new SessionId(S.SessionId)).OrderClosedAsync(Key);
                break;
            case OrderDutyKind.EnterDispatchQueue:
                if (dispatch.Offers)
                {
                    var pickup = await FulfilmentPlanner.WhereFromAsync(grains, S);
                    await grains.OfferDispatcher(Key).EnqueueAsync(new WaitingOrder
                    {
                        OrderId = orderId, PickupLocationId = pickup.Id, Pickup = pickup.Position, Dropoff = S.DeliveryAddress!, Since = clock.GetUtcNow(),
                    });
                }

                break;
            case OrderDutyKind.ReleaseShopperHold:
                await grains.ShopperHolds(new ShopperId(S.ShopperId)).ReleaseAsync(Key);
                break;
            case OrderDutyKind.LeaveDispatchQueue:
                if (S.Mode == FulfilmentMode.Delivery)
                {
                    await grains.OfferDispatcher(Key).LeaveAsync(Key);
                }

                break;
        }
    }
}
