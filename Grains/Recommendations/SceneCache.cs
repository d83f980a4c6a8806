using Tandem.Contracts.Catalog;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// The products of a scene or category (the first 40 the catalog finds), as a recommender read them lately: the
/// catalog changes rarely, and many sessions point to the same few scenes. Kept for <see cref="FreshFor"/>.
/// </summary>
internal sealed class SceneCache(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(10);

    private const int Take = 40;

    private readonly Dictionary<string, (IReadOnlyList<Product> Products, DateTimeOffset Read)> _held = new(StringComparer.Ordinal);

    /// <summary>The products of <paramref name="key"/>: a scene tag, or <c>category:</c> and a category.</summary>
    public async Task<IReadOnlyList<Product>> GetAsync(string key)
    {
        if (_held.TryGetValue(key, out var held) && clock.GetUtcNow() - held.Read <= FreshFor)
        {
            return held.Products;
        }

        var catalog = grains.Catalog();
        var page = key.StartsWith("category:", StringComparison.Ordinal)
            ? await catalog.SearchAsync(key["category:".Length..], null, 0, Take)
            : await catalog.SearchAsync(null, key, 0, Take);
        _held[key] = (page.Items, clock.GetUtcNow());
        return page.Items;
    }
}
