using System.Globalization;

namespace Tandem.Grains.Interfaces.Keys;

/// <summary>
/// Key of one bucket of a hot inventory cell, formatted <c>sku@location#index</c>. Only the cell itself calls its
/// buckets: '#' is not part of any identifier, so no caller's key can name one.
/// </summary>
public readonly record struct BucketKey(CellKey Cell, int Index)
{
    /// <summary>The most buckets a cell splits into.</summary>
    public const int MaxBuckets = 64;

    /// <summary>Parses <c>sku@location#index</c>; false for a cell key or anything else.</summary>
    public static bool TryParse(string value, out BucketKey key)
    {
        key = default;
        var hash = value.LastIndexOf('#');
        if (hash <= 0
            || !int.TryParse(value.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= MaxBuckets)
        {
            return false;
        }

        key = new BucketKey(CellKey.Parse(value[..hash]), index);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Cell}#{Index}");
}
