namespace Tandem.Grains.Interfaces.Orders;

/// <summary>
/// The cluster's one order sweeper (see <see cref="Keys.GrainFactoryExtensions.OrderSweeper"/>): every few seconds it
/// asks the grain storage which orders are due (a duty or step left unfinished, an unpacked order's expiry) and wakes
/// them, so no order needs a reminder of its own.
/// </summary>
public interface IOrderSweeperGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the sweeper runs: its reminder brings it back on another silo should its silo die. Idempotent.</summary>
    Task StartAsync();

    /// <summary>Wakes the orders due now (at most a batch, earliest first) and says how many caught up without an error.</summary>
    Task<int> SweepAsync();
}
