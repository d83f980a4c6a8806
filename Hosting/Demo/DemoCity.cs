using System.Globalization;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Inventory;

namespace Tandem.Hosting.Demo;

/// <summary>Stock of one sku at one location in the demo city.</summary>
public sealed record DemoStock(string Sku, string LocationId, int Quantity, Bin Bin);

/// <summary>A courier of the demo city.</summary>
public sealed record DemoCourier(string Id, string Name, int Capacity, GeoPoint Position, bool Online);

/// <summary>
/// A deterministic city for demos and tests: the same seed always gives the same products, locations,
/// stock and couriers. London-shaped: two warehouses on the edges, nine stores inside.
/// </summary>
public sealed class DemoCity
{
    private static readonly GeoPoint Centre = new() { Lat = 51.5072, Lon = -0.1276 };

    private static readonly (string Category, string[] Nouns, string[] Scenes)[] Categories =
    [
        ("baby", ["Stroller", "Car Seat", "Baby Carrier", "Changing Bag", "Sleep Sack", "Bottle Set", "Baby Monitor", "Travel Cot"], ["newborn-travel", "nursery-setup", "first-year"]),
        ("toys", ["Building Blocks", "Jigsaw Puzzle", "Plush Bear", "Wooden Train", "Art Kit", "Board Game", "Kite", "Play Tent"], ["birthday-party", "rainy-day", "first-year"]),
        ("kitchen", ["Chef Knife", "Cast Iron Pan", "Stock Pot", "Coffee Grinder", "Mixing Bowls", "Chopping Board", "Espresso Cups", "Salad Spinner"], ["home-cooking", "dinner-party", "first-flat"]),
        ("electronics", ["Wireless Earbuds", "Power Bank", "Desk Lamp", "Webcam", "Bluetooth Speaker", "USB-C Hub", "E-Reader", "Smart Plug"], ["home-office", "commute", "first-flat"]),
        ("apparel", ["Rain Jacket", "Hoodie", "Trail Shoes", "Wool Socks", "Beanie", "Chinos", "Linen Shirt", "Gloves"], ["rainy-day", "weekend-hike", "commute"]),
        ("beauty", ["Face Serum", "Hand Cream", "Lip Balm", "Shampoo Bar", "Sunscreen", "Body Wash", "Face Mask", "Nail Kit"], ["self-care", "holiday-packing", "gift-ideas"]),
        ("grocery", ["Coffee Beans", "Olive Oil", "Dark Chocolate", "Green Tea", "Pasta", "Honey", "Granola", "Hot Sauce"], ["home-cooking", "dinner-party", "gift-ideas"]),
        ("garden", ["Plant Pot", "Watering Can", "Seed Kit", "Pruning Shears", "Garden Gloves", "Bird Feeder", "Hose Reel", "Herb Planter"], ["balcony-garden", "spring-clean", "gift-ideas"]),
        ("sports", ["Yoga Mat", "Kettlebell", "Water Bottle", "Running Belt", "Resistance Bands", "Tennis Balls", "Cycling Lights", "Foam Roller"], ["fitness-start", "weekend-hike", "commute"]),
        ("home", ["Throw Blanket", "Scented Candle", "Storage Basket", "Photo Frame", "Door Mat", "Cushion", "Wall Clock", "Bath Towels"], ["first-flat", "spring-clean", "gift-ideas"]),
    ];

    /// <summary>Products nothing may be packed on.</summary>
    private static readonly HashSet<string> FragileNouns = ["Baby Monitor", "Espresso Cups", "Mixing Bowls", "Coffee Grinder", "E-Reader", "Desk Lamp", "Olive Oil", "Honey", "Hot Sauce", "Plant Pot", "Herb Planter", "Scented Candle", "Photo Frame", "Wall Clock"];

    /// <summary>Products packed standing on their base ("this side up").</summary>
    private static readonly HashSet<string> UprightNouns = ["Olive Oil", "Honey", "Hot Sauce", "Plant Pot", "Herb Planter", "Seed Kit", "Scented Candle", "Bottle Set", "Stock Pot"];

    private static readonly string[] Variants = ["Classic", "Compact", "Pro", "Eco", "Mini"];

    private static readonly string[] Brands = ["Northlight", "Kestrel", "Marlow", "Fennel & Co", "Ashby", "Lumen", "Thistle", "Bramble"];

    private static readonly (string Id, string Name, LocationKind Kind, double Lat, double Lon, string Address)[] Sites =
    [
        ("wh-park-royal", "Park Royal warehouse", LocationKind.Warehouse, 51.5290, -0.2700, "Abbey Road, Park Royal NW10"),
        ("wh-barking", "Barking warehouse", LocationKind.Warehouse, 51.5365, 0.0810, "River Road, Barking IG11"),
        ("st-camden", "Camden store", LocationKind.Store, 51.5390, -0.1426, "Camden High Street NW1"),
        ("st-islington", "Islington store", LocationKind.Store, 51.5362, -0.1033, "Upper Street N1"),
        ("st-shoreditch", "Shoreditch store", LocationKind.Store, 51.5265, -0.0786, "Great Eastern Street EC2"),
        ("st-brixton", "Brixton store", LocationKind.Store, 51.4613, -0.1156, "Brixton Road SW9"),
        ("st-greenwich", "Greenwich store", LocationKind.Store, 51.4826, -0.0077, "Greenwich Church Street SE10"),
        ("st-hammersmith", "Hammersmith store", LocationKind.Store, 51.4927, -0.2248, "King Street W6"),
        ("st-clapham", "Clapham store", LocationKind.Store, 51.4622, -0.1380, "Clapham High Street SW4"),
        ("st-stratford", "Stratford store", LocationKind.Store, 51.5416, -0.0034, "The Broadway E15"),
        ("st-kensington", "Kensington store", LocationKind.Store, 51.4991, -0.1938, "Kensington High Street W8"),
    ];

    private static readonly string[] CourierNames =
    [
        "Amara", "Ben", "Chloe", "Dev", "Ewa", "Farid", "Grace", "Hugo", "Imani", "Jonas", "Kiran", "Lena",
        "Malik", "Nora", "Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wren", "Xavi",
        "Yara", "Zane", "Anil", "Bea", "Cem", "Dara", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jade", "Kofi", "Lia",
        "Milo", "Nia",
    ];

    public DemoCity(int seed)
    {
        var random = new Random(seed);
        Locations = [.. Sites.Select(s => new Location
        {
            Id = s.Id, Name = s.Name, Kind = s.Kind, Position = new GeoPoint { Lat = s.Lat, Lon = s.Lon }, Address = s.Address,
        })];
        Products = MakeProducts(random);
        Stock = MakeStock(random, Products, Locations);
        Couriers = MakeCouriers(random);
        History = MakeHistory(random, Products);
    }

    public IReadOnlyList<Product> Products { get; }

    public IReadOnlyList<Location> Locations { get; }

    public IReadOnlyList<DemoStock> Stock { get; }

    public IReadOnlyList<DemoCourier> Couriers { get; }

    /// <summary>Past baskets that bootstrap the product graph: each filled for one scene, one product of each kind it holds.</summary>
    public IReadOnlyList<DemoBasket> History { get; }

    /// <summary>How many past baskets the city remembers.</summary>
    public const int HistoryBaskets = 1500;

    /// <summary>
    /// Baskets shoppers of the city bought before: each picks a scene, then two to four different kinds of its products
    /// (never two variants of one thing), most often each kind's favourite variant, so the graph learns which products go
    /// together and which of them most.
    /// </summary>
    private static List<DemoBasket> MakeHistory(Random random, IReadOnlyList<Product> products)
    {
        // Products come in runs of variants of one kind (a noun of a category): kind = position / variants.
        var kinds = products
            .Select((p, i) => (p, Kind: i / Variants.Length))
            .SelectMany(x => x.p.SceneTags.Select(scene => (scene, x.Kind, x.p.Sku)))
            .GroupBy(x => x.scene, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.GroupBy(x => x.Kind).OrderBy(k => k.Key).Select(k => k.Select(x => x.Sku).ToArray()).ToArray())
            .ToArray();
        var history = new List<DemoBasket>(HistoryBaskets);
        for (var i = 0; i < HistoryBaskets; i++)
        {
            var scene = kinds[random.Next(kinds.Length)];
            var size = Math.Min(random.Next(2, 5), scene.Length);
            var basket = new List<string>();
            foreach (var kind in scene.OrderBy(_ => random.Next()).Take(size))
            {
                basket.Add(random.NextDouble() < 0.7 ? kind[0] : kind[random.Next(kind.Length)]);
            }

            history.Add(new DemoBasket(string.Create(CultureInfo.InvariantCulture, $"demo-history:{i}"), basket, random.Next(0, 60)));
        }

        return history;
    }

    private static List<Product> MakeProducts(Random random)
    {
        var products = new List<Product>();
        foreach (var (category, nouns, scenes) in Categories)
        {
            foreach (var noun in nouns)
            {
                foreach (var variant in Variants)
                {
                    var brand = Brands[random.Next(Brands.Length)];
                    var sku = string.Create(CultureInfo.InvariantCulture, $"{category[..3].ToUpperInvariant()}-{products.Count + 1:D4}");
                    var size = 10 + (random.NextDouble() * 50);
                    products.Add(new Product
                    {
                        Sku = sku,
                        Name = $"{brand} {noun} {variant}",
                        Category = category,
                        Price = Math.Round((decimal)(3 + (random.NextDouble() * random.NextDouble() * 240)), 2),
                        Dimensions = new Dimensions
                        {
                            LengthCm = Math.Round(size, 1),
                            WidthCm = Math.Round(size * (0.3 + (random.NextDouble() * 0.7)), 1),
                            HeightCm = Math.Round(size * (0.1 + (random.NextDouble() * 0.6)), 1),
                        },
                        WeightKg = Math.Round(0.05 + (random.NextDouble() * 6), 2),
                        SceneTags = [.. scenes.Where(_ => random.NextDouble() < 0.6).DefaultIfEmpty(scenes[0])],
                        Description = $"{variant} {noun.ToLowerInvariant()} by {brand}.",
                        Fragile = FragileNouns.Contains(noun),
                        ThisSideUp = UprightNouns.Contains(noun),
                    });
                }
            }
        }

        return products;
    }

    private static List<DemoStock> MakeStock(Random random, IReadOnlyList<Product> products, IReadOnlyList<Location> locations)
    {
        var stock = new List<DemoStock>();
        foreach (var product in products)
        {
            foreach (var location in locations)
            {
                if (location.Kind == LocationKind.Warehouse)
                {
                    var scarce = random.NextDouble() < 0.08;
                    var quantity = scarce ? random.Next(0, 4) : random.Next(20, 241);
                    var bin = new Bin
                    {
                        Aisle = string.Create(CultureInfo.InvariantCulture, $"W{random.Next(1, 41):D2}"),
                        Shelf = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 9)}"),
                    };
                    stock.Add(new DemoStock(product.Sku, location.Id, quantity, bin));
                }
                else if (random.NextDouble() < 0.55)
                {
                    var scarce = random.NextDouble() < 0.15;
                    var quantity = scarce ? random.Next(1, 3) : random.Next(3, 16);
                    var bin = new Bin
                    {
                        Aisle = random.Next(1, 13).ToString(CultureInfo.InvariantCulture),
                        Shelf = ((char)('A' + random.Next(0, 6))).ToString(),
                    };
                    stock.Add(new DemoStock(product.Sku, location.Id, quantity, bin));
                }
            }
        }

        return stock;
    }

    private static List<DemoCourier> MakeCouriers(Random random) =>
    [
        .. CourierNames.Select((name, i) =>
        {
            var distanceKm = 0.5 + (random.NextDouble() * 7);
            var bearing = random.NextDouble() * 2 * Math.PI;
            var position = new GeoPoint
            {
                Lat = Math.Round(Centre.Lat + (distanceKm / 111.0 * Math.Cos(bearing)), 6),
                Lon = Math.Round(Centre.Lon + (distanceKm / (111.0 * Math.Cos(Centre.Lat * Math.PI / 180)) * Math.Sin(bearing)), 6),
            };
            return new DemoCourier(
                string.Create(CultureInfo.InvariantCulture, $"courier-{i + 1:D3}"), name, random.Next(2, 4), position, random.NextDouble() < 0.8);
        }),
    ];
}
