using Tandem.Contracts.Catalog;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Catalog;

namespace Tandem.Grains.Catalog;

/// <summary>Product and location facts. Reads interleave; the sorted views are rebuilt only on change.</summary>
public sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.Grains)] IPersistentState<CatalogState> state) : Grain, ICatalogGrain
{
    private Product[] _sorted = [];
    private Location[] _locations = [];
    private string[] _categories = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Rebuild();
        return Task.CompletedTask;
    }

    public async Task UpsertAsync(IReadOnlyList<Product> products, IReadOnlyList<Location> locations)
    {
        var changed = false;
        foreach (var product in products)
        {
            if (!state.State.Products.TryGetValue(product.Sku, out var existing) || !SameProduct(existing, product))
            {
                state.State.Products[product.Sku] = product;
                changed = true;
            }
        }

        foreach (var location in locations)
        {
            if (!state.State.Locations.TryGetValue(location.Id, out var existing) || existing != location)
            {
                state.State.Locations[location.Id] = location;
                changed = true;
            }
        }

        if (changed)
        {
            state.State.Version++;
            await state.SaveAsync(this);
            Rebuild();
        }
    }

    public Task<Product?> GetProductAsync(string sku) =>
        Task.FromResult(state.State.Products.GetValueOrDefault(sku));

    public Task<IReadOnlyList<Product>> GetProductsAsync(IReadOnlyList<string> skus) =>
        Task.FromResult<IReadOnlyList<Product>>(
            [.. skus.Select(s => state.State.Products.GetValueOrDefault(s)).OfType<Product>()]);

    public Task<ProductPage> SearchAsync(string? category, string? query, int skip, int take)
    {
        IEnumerable<Product> matches = _sorted;
        if (!string.IsNullOrWhiteSpace(category))
        {
            matches = matches.Where(p => p.Category.Equals(category, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrWhiteSpace(query))
        {
            var terms = query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            matches = matches.Where(p => terms.All(t => Matches(p, t)));
        }

        var all = matches.ToList();
        return Task.FromResult(new ProductPage { Total = all.Count, Items = [.. all.Skip(skip).Take(take)] });
    }

    public Task<IReadOnlyList<string>> GetCategoriesAsync() => Task.FromResult<IReadOnlyList<string>>(_categories);

    public Task<long> GetVersionAsync() => Task.FromResult(state.State.Version);

    public Task<IReadOnlyList<Location>> GetLocationsAsync() => Task.FromResult<IReadOnlyList<Location>>(_locations);

    private static bool Matches(Product p, string term) =>
        p.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
        || p.Sku.Contains(term, StringComparison.OrdinalIgnoreCase)
        || p.Category.Contains(term, StringComparison.OrdinalIgnoreCase)
        || p.SceneTags.Any(t => t.Contains(term, StringComparison.OrdinalIgnoreCase));

    private static bool SameProduct(Product a, Product b) =>
        a with { SceneTags = [] } == b with { SceneTags = [] } && a.SceneTags.SequenceEqual(b.SceneTags);

    private void Rebuild()
    {
        _sorted = [.. state.State.Products.Values.OrderBy(p => p.Sku, StringComparer.Ordinal)];
        _locations = [.. state.State.Locations.Values.OrderBy(l => l.Id, StringComparer.Ordinal)];
        _categories = [.. _sorted.Select(p => p.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
