using System.Runtime.InteropServices;

namespace Tandem.Brains.Recommendations;

/// <summary>
/// One item's weighted out-edges in the item graph (co-view or co-purchase), decaying with time: an edge's weight
/// halves every <see cref="HalfLife"/>. Weights are kept relative to a fixed epoch, scaled up as time passes, so
/// adding is O(1) and nothing is rewritten as the clock moves; only ratios between weights are ever read.
/// Keeps at most <see cref="MaxNeighbours"/> edges (the lightest dropped once twice as many are held).
/// </summary>
public sealed class Adjacency
{
    private const double RebaseAbove = 1e100;

    private readonly Dictionary<string, double> _weights;
    private DateTimeOffset _grownAt;
    private double _growth = 1;

    public Adjacency(TimeSpan halfLife, int maxNeighbours, DateTimeOffset epoch)
        : this(halfLife, maxNeighbours, epoch, 0, new Dictionary<string, double>(StringComparer.Ordinal))
    {
    }

    /// <summary>
    /// Edges kept in <paramref name="weights"/> (relative to <paramref name="epoch"/>, adding up with trimmed ones to
    /// <paramref name="total"/>): the dictionary is used, not copied, so whoever stores it sees every change; read
    /// <see cref="Epoch"/> and <see cref="Total"/> back after changing it.
    /// </summary>
    public Adjacency(TimeSpan halfLife, int maxNeighbours, DateTimeOffset epoch, double total, Dictionary<string, double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNeighbours, 1);
        HalfLife = halfLife;
        MaxNeighbours = maxNeighbours;
        Epoch = epoch;
        Total = total;
        _weights = weights;
    }

    public TimeSpan HalfLife { get; }

    public int MaxNeighbours { get; }

    /// <summary>The time the stored weights are relative to.</summary>
    public DateTimeOffset Epoch { get; private set; }

    /// <summary>Every weight ever added (trimmed edges included), relative to <see cref="Epoch"/>.</summary>
    public double Total { get; private set; }

    public int Count => _weights.Count;

    /// <summary>Adds <paramref name="weight"/> to the edge towards <paramref name="to"/>, as seen at <paramref name="at"/>.</summary>
    public void Add(string to, double weight, DateTimeOffset at)
    {
        Grow(to, weight, at);
        TrimIfFull();
    }

    /// <summary>Adds <paramref name="weight"/> to the edge towards each of <paramref name="items"/> but <paramref name="skip"/>, trimming once at the end.</summary>
    public void AddEach(IReadOnlyList<string> items, string skip, double weight, DateTimeOffset at)
    {
        foreach (var to in items)
        {
            if (!string.Equals(to, skip, StringComparison.Ordinal))
            {
                Grow(to, weight, at);
            }
        }

        TrimIfFull();
    }

    /// <summary>Adds each of <paramref name="edges"/> (target, weight) as seen at <paramref name="at"/>, trimming once at the end.</summary>
    public void AddMany(IEnumerable<KeyValuePair<string, double>> edges, DateTimeOffset at)
    {
        foreach (var (to, weight) in edges)
        {
            Grow(to, weight, at);
        }

        TrimIfFull();
    }

    /// <summary>The share of this item's edge weight that goes to <paramref name="to"/> (0 when unknown).</summary>
    public double Share(string to) => Total <= 0 ? 0 : _weights.GetValueOrDefault(to) / Total;

    /// <summary>Every held edge with its share of the total weight.</summary>
    public IEnumerable<KeyValuePair<string, double>> Shares()
    {
        if (Total <= 0)
        {
            yield break;
        }

        foreach (var (to, weight) in _weights)
        {
            yield return new(to, weight / Total);
        }
    }

    /// <summary>The edges' weights as of <see cref="Epoch"/> (for storing), heaviest first.</summary>
    public IEnumerable<KeyValuePair<string, double>> Weights() =>
        _weights.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal);

    private void Grow(string to, double weight, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        var scaled = weight * Growth(at);
        if (scaled > RebaseAbove)
        {
            Rebase(at);
            scaled = weight;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(_weights, to, out _) += scaled;
        Total += scaled;
    }

    private void TrimIfFull()
    {
        if (_weights.Count > 2 * MaxNeighbours)
        {
            Trim();
        }
    }

    private double Growth(DateTimeOffset at)
    {
        if (at != _grownAt)
        {
            (_grownAt, _growth) = (at, Math.Pow(2, (at - Epoch) / HalfLife));
        }

        return _growth;
    }

    private void Rebase(DateTimeOffset at)
    {
        var shrink = 1 / Growth(at);
        foreach (var key in _weights.Keys.ToList())
        {
            _weights[key] *= shrink;
        }

        Total *= shrink;
        Epoch = at;
        (_grownAt, _growth) = (at, 1);
    }

    /// <summary>Keeps the <see cref="MaxNeighbours"/> heaviest edges; of edges as heavy as the lightest kept, the smallest ids stay.</summary>
    private void Trim()
    {
        var values = new double[_weights.Count];
        _weights.Values.CopyTo(values, 0);
        Array.Sort(values);
        var threshold = values[^MaxNeighbours];
        var keepTies = MaxNeighbours;
        var drop = new List<string>(_weights.Count - MaxNeighbours);
        var ties = new List<string>();
        foreach (var (key, value) in _weights)
        {
            if (value > threshold)
            {
                keepTies--;
            }
            else if (value < threshold)
            {
                drop.Add(key);
            }
            else
            {
                ties.Add(key);
            }
        }

        if (ties.Count > keepTies)
        {
            ties.Sort(StringComparer.Ordinal);
            drop.AddRange(ties.Skip(keepTies));
        }

        foreach (var key in drop)
        {
            _weights.Remove(key);
        }
    }
}
