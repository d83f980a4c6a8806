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

    /// <summary>
    /// Once more than <paramref name="max"/> and a tenth entries are held, drops the entries that sort first by
    /// <paramref name="order"/>, then by key, until <paramref name="max"/> remain: the same entries whatever order the
    /// dictionary holds them in (a state read back drops what the live one did). Trimming a tenth at a time keeps the
    /// sort off most additions.
    /// </summary>
    public static void TrimTo<TValue, TOrder>(this Dictionary<string, TValue> items, int max, Func<TValue, TOrder> order)
    {
        if (items.Count <= max + (max / 10))
        {
            return;
        }

        foreach (var key in items.OrderBy(kv => order(kv.Value)).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(items.Count - max).Select(kv => kv.Key).ToList())
        {
            items.Remove(key);
        }
    }
}
