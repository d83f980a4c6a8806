using Tandem.Contracts.Catalog;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Tests.Infrastructure;

/// <summary>Fresh products and locations per test, so tests sharing a cluster never share a cell.</summary>
public static class TestData
{
    /// <summary>A photo the default evidence check takes for one of the item with its tags: a JPEG's opening bytes, 2 KiB in all.</summary>
    public static readonly byte[] TagPhoto = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[2044]];

    public static readonly Location Camden = Store("t-camden", 51.5390, -0.1426);
    public static readonly Location Brixton = Store("t-brixton", 51.4613, -0.1156);
    public static readonly Location Warehouse = new()
    {
        Id = "t-warehouse", Name = "Test warehouse", Kind = LocationKind.Warehouse,
        Position = new GeoPoint { Lat = 51.5290, Lon = -0.2700 }, Address = "Park Royal",
    };

    public static string NewSku() => "T-" + Guid.NewGuid().ToString("N")[..12];

    public static string[] NewSkus(int count) => [.. Enumerable.Range(0, count).Select(_ => NewSku())];

    /// <summary>A category the test Api gives a return window of 0 days: its items cannot be returned.</summary>
    public const string NoReturnsCategory = "no-returns";

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public static Product Product(string sku, decimal price = 10m) => new()
    {
        Sku = sku,
        Name = "Test product " + sku,
        Category = "test",
        Price = price,
        Dimensions = new Dimensions { LengthCm = 10, WidthCm = 10, HeightCm = 10 },
        WeightKg = 1,
        SceneTags = ["test-scene"],
        Description = "A product made by a test.",
    };

    /// <summary>Registers new products (and the test locations) in the catalog; returns their skus.</summary>
    public static async Task<string[]> NewProductsAsync(IGrainFactory grains, int count, bool withTestLocations = true)
    {
        var skus = Enumerable.Range(0, count).Select(_ => NewSku()).ToArray();
        await grains.Catalog().UpsertAsync([.. skus.Select(s => Product(s))], withTestLocations ? [Camden, Brixton, Warehouse] : []);
        return skus;
    }

    /// <summary>A new product with <paramref name="stock"/> units at <paramref name="store"/> (registered with it); returns its sku.</summary>
    public static async Task<string> StockedAtAsync(IGrainFactory grains, Location store, int stock)
    {
        var sku = NewSku();
        await grains.Catalog().UpsertAsync([Product(sku)], [store]);
        await grains.Cell(new CellKey(sku, store.Id)).ReceiveAsync(stock, "opening", "test");
        return sku;
    }

    /// <summary>A store outside London (far from the demo city's couriers), so only a test's own couriers are near it.</summary>
    public static Location RemoteStore(string id, string name, double lat, double lon) => new()
    {
        Id = id, Name = name, Kind = LocationKind.Store, Position = new GeoPoint { Lat = lat, Lon = lon }, Address = name,
    };

    private static Location Store(string id, double lat, double lon) => new()
    {
        Id = id, Name = "Test store " + id, Kind = LocationKind.Store,
        Position = new GeoPoint { Lat = lat, Lon = lon }, Address = id,
    };

    /// <summary>
    /// Waits until the courier boards (the dispatcher's view of couriers, fed by the courier stream) show each courier
    /// at least as it is now: a courier registered a moment ago is not yet known to the dispatcher.
    /// </summary>
    public static async Task SeenByDispatchAsync(IGrainFactory grains, params string[] courierIds)
    {
        var now = await Task.WhenAll(courierIds.Select(id => grains.Courier(new CourierId(id)).GetAsync()));
        await Await.UntilAsync(async () =>
        {
            var board = (await grains.CouriersFromBoardsAsync()).ToDictionary(c => c.CourierId);
            return now.All(c => board.TryGetValue(c!.CourierId, out var seen) && seen.Version >= c.Version) ? board : null;
        }, TimeSpan.FromSeconds(10));
    }
}
