namespace Tandem.Grains.Interfaces.Orders;

/// <summary>
/// The cluster's one order sweeper (see <see cref="Keys.GrainFactoryExtensions.OrderSweeper"/>): every few seconds it
/// asks the grain storage which orders and sessions are due (a duty or step left unfinished, an unpacked order's expiry) and wakes
/// them, so no order or session needs a reminder of its own.
/// </summary>
public interface IOrderSweeperGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the sweeper runs: its reminder brings it back on another silo should its silo die. Idempotent.</summary>
    Task StartAsync();

    /// <summary>Wakes the orders and sessions due now (a batch at a time, earliest first) and says how many caught up without an error.</summary>
    Task<int> SweepAsync();
}
