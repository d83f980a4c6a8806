using Tandem.Grains.Infrastructure;

namespace Tandem.Tests.Inventory;

/// <summary>How a cell's idempotency memory (ended holds, applied references) is kept bounded.</summary>
public sealed class BoundedLogTests
{
    [Fact]
    public void A_dictionary_grows_a_tenth_past_its_bound_then_drops_the_oldest_by_order_then_key_down_to_the_bound()
    {
        var items = new Dictionary<string, int>();
        var sizes = new List<int>();
        foreach (var (key, at) in new[] { ("k", 5), ("b", 1), ("a", 1), ("z", 9), ("c", 2), ("d", 3), ("e", 4), ("f", 6), ("g", 7), ("h", 8), ("i", 10), ("j", 11) })
        {
            items[key] = at;
            items.TrimTo(10, v => v);
            sizes.Add(items.Count);
        }

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10], sizes);
        Assert.Equal(["c", "d", "e", "f", "g", "h", "i", "j", "k", "z"], items.Keys.Order(StringComparer.Ordinal));
    }
}
