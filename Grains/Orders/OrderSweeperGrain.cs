using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Grains.Dispatch;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Returns;
using Tandem.Grains.Sessions;

namespace Tandem.Grains.Orders;

/// <summary>
/// The cluster's one sweeper of due grains. Every <see cref="OrderOptions.SweepEvery"/> it asks the grain storage for the
/// orders (<see cref="OrderState.DueAt"/>), sessions (<see cref="SessionState.DueAt"/>) and dispatch zones with orders waiting
/// (<see cref="ZoneDispatcherState.DueAt"/>) and returns with a call to their order unfinished (<see cref="ReturnState.DueAt"/>)
/// whose stored due time has come
/// and wakes them, a page at a time, waiting for them before the next sweep. It is started by every silo and kept by a
/// reminder, which brings it back on another silo should its silo die: one reminder for the cluster instead of one per
/// grain. (It keeps the name it had when it woke only orders: the cluster's stored reminder names its grain type.)
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
    /// Wakes every order, then every session, due now, a page of <see cref="OrderOptions.SweepBatch"/> at a time (each
    /// page all at once), reading the next page after the last of the previous one: a grain whose catch-up failed, or did
    /// not answer within <see cref="OrderOptions.CatchUpWithin"/>, stays due for the next sweep without holding back those behind it.
    /// </summary>
    public async Task<int> SweepAsync()
    {
        var now = clock.GetUtcNow();
        var orders = await SweepAsync(OrderGrain.StateName, now, g => GrainFactory.Order(new OrderId(g.Key.ToString()!)).CatchUpAsync());
        TandemMetrics.OrdersCaughtUp.Add(orders);
        var sessions = await SweepAsync(SessionGrain.StateName, now, g => GrainFactory.Session(new SessionId(g.Key.ToString()!)).CatchUpAsync());
        var returns = await SweepAsync(ReturnGrain.StateName, now, g => GrainFactory.Return(g.Key.ToString()!).CatchUpAsync());
        return orders + sessions + returns + await SweepAsync(ZoneDispatcherGrain.StateName, now, g => GrainFactory.ZoneDispatcher(g.Key.ToString()!).GetWaitingAsync());
    }

    private async Task<int> SweepAsync(string stateName, DateTimeOffset now, Func<GrainId, Task> catchUp)
    {
        var batch = options.Value.SweepBatch;
        var count = 0;
        DueGrain? after = null;
        while (true)
        {
            var due = await states.DueAsync(stateName, now, batch, after);
            count += (await Task.WhenAll(due.Select(d => CatchUpAsync(d.Grain, catchUp)))).Count(ok => ok);
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

    private async Task<bool> CatchUpAsync(GrainId grain, Func<GrainId, Task> catchUp)
    {
        try
        {
            await catchUp(grain).WaitAsync(options.Value.CatchUpWithin);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.CatchUpFailed(ex, grain.ToString()); // failed or did not answer in time: still due, the next sweep wakes it again
            return false;
        }
    }
}
