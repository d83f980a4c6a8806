namespace Tandem.Grains.Infrastructure;

/// <summary>Trims insertion-ordered history collections to a fixed size, oldest first.</summary>
public static class BoundedLog
{
    public static void TrimTo<T>(this List<T> items, int max)
    {
        if (items.Count > max)
        {
            items.RemoveRange(0, items.Count - max);
        }
    }

    /// <summary>Drops the entries that sort first by <paramref name="order"/> until at most <paramref name="max"/> remain.</summary>
    public static void TrimTo<TValue, TOrder>(this Dictionary<string, TValue> items, int max, Func<TValue, TOrder> order)
    {
        if (items.Count <= max)
        {
            return;
        }

        foreach (var key in items.OrderBy(kv => order(kv.Value)).Take(items.Count - max).Select(kv => kv.Key).ToList())
        {
            items.Remove(key);
        }
    }
}
