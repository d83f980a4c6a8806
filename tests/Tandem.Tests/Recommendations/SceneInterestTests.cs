using Tandem.Contracts.Catalog;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

public sealed class SceneInterestTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Views_dwell_size_charts_clicks_and_the_cart_weigh_scenes_and_half_as_much_categories()
    {
        var stroller = Product("P-1", "travel", ["newborn-travel", "outdoor"]);
        var bib = Product("P-2", "feeding", ["newborn-feeding"]);
        var products = new Dictionary<string, Product> { [stroller.Sku] = stroller, [bib.Sku] = bib };
        BehaviourEvent[] events =
        [
            new() { Type = BehaviourType.View, Sku = "P-1", At = At },
            new() { Type = BehaviourType.Dwell, Sku = "P-1", At = At, Value = 45_000 }, // capped at 3
            new() { Type = BehaviourType.SizeChart, Sku = "P-1", At = At },
            new() { Type = BehaviourType.Click, Sku = "P-2", At = At },
            new() { Type = BehaviourType.Scroll, Sku = "P-2", At = At, Value = 0.9 }, // scrolling says nothing of interest
            new() { Type = BehaviourType.View, Sku = "NOT-IN-CATALOG", At = At },
        ];

        var interest = SceneInterest.Weigh(events, [new CartLine { Sku = "P-2", Quantity = 1 }], products);

        Assert.Equal(5.0, interest["newborn-travel"], 9);
        Assert.Equal(5.0, interest["outdoor"], 9);
        Assert.Equal(2.5, interest["category:travel"], 9);
        Assert.Equal(3.2, interest["newborn-feeding"], 9);
        Assert.Equal(1.6, interest["category:feeding"], 9);
        Assert.Equal(5, interest.Count);
    }

    [Fact]
    public void Picks_are_the_best_matching_products_not_in_the_cart_with_their_strongest_reason()
    {
        var interest = new Dictionary<string, double> { ["newborn-travel"] = 4, ["outdoor"] = 1, ["category:travel"] = 2 };
        Product[] candidates =
        [
            Product("A", "travel", ["newborn-travel", "outdoor"]), // 4 + 1 + 2 = 7
            Product("B", "garden", ["outdoor"]),                   // 1
            Product("C", "travel", ["newborn-travel"]),            // 6, but in the cart
            Product("D", "kitchen", ["cooking"]),                  // 0: not picked
            Product("A", "travel", ["newborn-travel", "outdoor"]), // found twice, picked once
        ];

        var picks = SceneInterest.Pick(interest, candidates, new HashSet<string> { "C" });

        Assert.Equal([("A", 7.0, "newborn-travel"), ("B", 1.0, "outdoor")], picks.Select(p => (p.Sku, p.Score, p.Because)));
        Assert.Equal(["newborn-travel", "category:travel", "outdoor"], SceneInterest.Strongest(interest));
    }

    private static Product Product(string sku, string category, string[] tags) =>
        TestData.Product(sku) with { Category = category, SceneTags = tags };
}
