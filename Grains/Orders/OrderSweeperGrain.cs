using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Grains.Orders;

/// <summary>
/// The cluster's one order sweeper. Every <see cref="OrderOptions.SweepEvery"/> it asks the grain storage for the
/// orders whose stored due time has come (<see cref="OrderState.DueAt"/>) and wakes them, a page at a time, waiting
/// for them before the next sweep. It is started by every silo and kept by a reminder, which brings it back on another
/// silo should its silo die: one reminder for the cluster instead of one per order.
/// </summary>
public sealed class OrderSweeperGrain(
    IDueStates states,
    IOptions<OrderOptions> options,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<OrderSweeperGrain> logger) : Grain, IOrderSweeperGrain, IRemindable
{
    /// <summary>The sweeper's reminder: it only has to bring the sweeper back (Orleans' shortest period).</summary>
    public const string Reminder = "sweep";

    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var every = options.Value.SweepEvery;
        this.RegisterGrainTimer(SweepOnTimerAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task StartAsync()
    {
        if (await this.GetReminder(Reminder) is null)
        {
            await this.RegisterOrUpdateReminder(Reminder, KeepAlivePeriod, KeepAlivePeriod);
        }
    }

    /// <summary>
    /// Wakes every order due now, a page of <see cref="OrderOptions.SweepBatch"/> at a time (each page all at once),
    /// reading the next page after the last of the previous one: an order whose catch-up failed stays due for the next
    /// sweep without holding back those behind it.
    /// </summary>
    public async Task<int> SweepAsync()
    {
        var now = clock.GetUtcNow();
        var batch = options.Value.SweepBatch;
        var count = 0;
        DueGrain? after = null;
        while (true)
        {
            var due = await states.DueAsync(OrderGrain.StateName, now, batch, after);
            var caughtUp = (await Task.WhenAll(due.Select(d => CatchUpAsync(d.Grain)))).Count(ok => ok);
            TandemMetrics.OrdersCaughtUp.Add(caughtUp);
            count += caughtUp;
            if (due.Count < batch)
            {
                return count;
            }

            after = due[^1];
        }
    }

    /// <summary>Nothing to do: being activated by the reminder starts the timer.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task SweepOnTimerAsync()
    {
        try
        {
            await SweepAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.SweepFailed(ex); // the storage did not answer: the next sweep asks again
        }
    }

    private async Task<bool> CatchUpAsync(GrainId order)
    {
        try
        {
            await GrainFactory.Order(new OrderId(order.Key.ToString()!)).CatchUpAsync();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.CatchUpFailed(ex, order.Key.ToString()!); // still due: the next sweep wakes it again
            return false;
        }
    }
}
