using Tandem.Contracts.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>A census's running count of some cells: how many, how many with nothing to sell, the units on hand.</summary>
internal sealed class StockTally
{
    private int _cells;
    private int _out;
    private long _units;

    public void Add(int onHand, int available)
    {
        _cells++;
        _out += available <= 0 ? 1 : 0;
        _units += onHand;
    }

    public void Add(StockCount count)
    {
        _cells += count.Cells;
        _out += count.OutOfStock;
        _units += count.Units;
    }

    public StockCount Count(string region) => new() { Region = region, Cells = _cells, OutOfStock = _out, Units = _units };

    /// <summary>The tally of <paramref name="key"/> in <paramref name="tallies"/>, added when missing.</summary>
    public static StockTally Of<TKey>(IDictionary<TKey, StockTally> tallies, TKey key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new StockTally();
        }

        return tally;
    }
}
