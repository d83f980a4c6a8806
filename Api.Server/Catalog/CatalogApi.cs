using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Catalog;

/// <summary>Products, locations and where stock is: all anonymous reads.</summary>
public static class CatalogApi
{
    private const int MaxTake = 100;

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Catalog").AllowAnonymous();
        api.MapGet("/products", SearchProducts).WithName("SearchProducts").WithSummary("Search products by category and text");
        api.MapGet("/products/{sku}", GetProduct).WithName("GetProduct").WithSummary("One product");
        api.MapGet("/products/{sku}/availability", GetAvailability)
            .WithName("GetAvailability").WithSummary("Stock of a product at every location, nearest first when lat/lon are given");
        api.MapGet("/categories", GetCategories).WithName("GetCategories").WithSummary("All product categories");
        api.MapGet("/locations", GetLocations).WithName("GetLocations").WithSummary("Warehouses and stores");
        return app;
    }

    private static async Task<Results<Ok<ProductPage>, ValidationProblem>> SearchProducts(
        IGrainFactory grains, string? category, string? q, int? skip, int? take)
    {
        var errors = new RequestErrors();
        if (skip < 0)
        {
            errors.Add("skip", "Must not be negative.");
        }

        if (take is < 1 or > MaxTake)
        {
            errors.Add("take", $"Must be between 1 and {MaxTake}.");
        }

        errors.Text("q", q, required: false).Text("category", category, required: false);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await grains.Catalog().SearchAsync(category, q, skip ?? 0, take ?? 24));
    }

    private static async Task<Results<Ok<Product>, ProblemHttpResult>> GetProduct(IGrainFactory grains, string sku)
    {
        var product = Identifier.IsValid(sku) ? await grains.Catalog().GetProductAsync(sku) : null;
        return product is null ? Problems.NotFound($"No product {sku}.") : TypedResults.Ok(product);
    }

    private static async Task<Results<Ok<ProductAvailability>, ProblemHttpResult, ValidationProblem>> GetAvailability(
        IGrainFactory grains, string sku, double? lat, double? lon)
    {
        var product = Identifier.IsValid(sku) ? await grains.Catalog().GetProductAsync(sku) : null;
        if (product is null)
        {
            return Problems.NotFound($"No product {sku}.");
        }

        GeoPoint? from = null;
        if (lat is not null || lon is not null)
        {
            var errors = new RequestErrors().Position("lat", lat, lon);
            if (errors.Any)
            {
                return Problems.Invalid(errors);
            }

            from = new GeoPoint { Lat = lat!.Value, Lon = lon!.Value };
        }

        var locations = await grains.Catalog().GetLocationsAsync();
        var cells = await Task.WhenAll(locations.Select(l => grains.Cell(new CellKey(sku, l.Id)).GetSnapshotAsync()));
        var rows = locations.Zip(cells, (l, c) => new LocationAvailability(
                l.Id, l.Name, l.Kind, c.OnHand, c.Reserved, c.Available, c.Bin, l.Position,
                from is null ? null : Math.Round(from.DistanceKm(l.Position), 2), c.Version, c.SaleStartsAt))
            .OrderBy(r => r.DistanceKm ?? 0)
            .ThenBy(r => r.LocationId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new ProductAvailability(sku, rows.Sum(r => r.Available), rows));
    }

    private static async Task<Ok<IReadOnlyList<string>>> GetCategories(IGrainFactory grains) =>
        TypedResults.Ok(await grains.Catalog().GetCategoriesAsync());

    private static async Task<Ok<IReadOnlyList<Location>>> GetLocations(IGrainFactory grains) =>
        TypedResults.Ok(await grains.Catalog().GetLocationsAsync());
}
