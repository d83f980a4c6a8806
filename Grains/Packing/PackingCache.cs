using Tandem.Contracts.Packing;

namespace Tandem.Grains.Packing;

/// <summary>
/// Plans per item set, held once per silo and shared by the packing grain's activations: the least recently used plan
/// goes when <see cref="PackingOptions.CacheSize"/> is reached. The key names every unit's size, weight and flags, so a
/// product whose facts change is planned anew.
/// </summary>
public sealed class PackingCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, OrderPacking Plan)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, OrderPacking Plan)> _recent = new();

    public bool TryGet(string key, out OrderPacking plan)
    {
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var node) && node.Value.Plan is { } found)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                plan = found;
                return true;
            }
        }

        plan = null!;
        return false;
    }

    public void Add(string key, OrderPacking plan, int capacity)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_index.Remove(key, out var old))
            {
                _recent.Remove(old);
            }

            _index[key] = _recent.AddFirst((key, plan));
            while (_index.Count > capacity)
            {
                var last = _recent.Last!;
                _recent.RemoveLast();
                _index.Remove(last.Value.Key);
            }
        }
    }
}
