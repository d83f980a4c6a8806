using Tandem.Contracts.Catalog;

namespace Tandem.Grains.Interfaces.Catalog;

/// <summary>Product and location facts; one grain for the whole catalog.</summary>
public interface ICatalogGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces products and locations by their ids. Idempotent.</summary>
    Task UpsertAsync(IReadOnlyList<Product> products, IReadOnlyList<Location> locations);

    /// <summary>The product, or null when the sku is unknown.</summary>
    [ReadOnly]
    Task<Product?> GetProductAsync(string sku);

    /// <summary>The products among <paramref name="skus"/> that exist (unknown skus are left out).</summary>
    [ReadOnly]
    Task<IReadOnlyList<Product>> GetProductsAsync(IReadOnlyList<string> skus);

    /// <summary>Products filtered by category and free text (name, sku, tags), ordered by sku.</summary>
    [ReadOnly]
    Task<ProductPage> SearchAsync(string? category, string? query, int skip, int take);

    /// <summary>The distinct categories, sorted.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> GetCategoriesAsync();

    /// <summary>The catalog's version: it moves with every change of a product or a location.</summary>
    [ReadOnly]
    Task<long> GetVersionAsync();

    /// <summary>All locations, ordered by id.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Location>> GetLocationsAsync();
}
