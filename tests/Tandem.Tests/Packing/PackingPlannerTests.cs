using Tandem.Brains.Packing;
using Tandem.Contracts.Catalog;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Packing;

namespace Tandem.Tests.Packing;

public sealed class PackingPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly PackingOptions Options = new() { TimeCapPerBox = TimeSpan.FromSeconds(5) };

    private static Product Product(string sku, double l, double w, double h, double kg = 1, bool fragile = false, bool upright = false) => new()
    {
        Sku = sku,
        Name = sku,
        Category = "test",
        Price = 1,
        Dimensions = new Dimensions { LengthCm = l, WidthCm = w, HeightCm = h },
        WeightKg = kg,
        SceneTags = [],
        Description = sku,
        Fragile = fragile,
        ThisSideUp = upright,
    };

    private static OrderLineRequest Line(string sku, int quantity) => new() { Sku = sku, Quantity = quantity };

    [Fact]
    public void Three_small_cubes_go_in_the_smallest_box_with_every_unit_placed()
    {
        var products = new Dictionary<string, Product> { ["cube"] = Product("cube", 10, 10, 10) };

        var plan = PackingPlanner.Plan(Options, products, [Line("cube", 3)], Now);

        var parcel = Assert.Single(plan.Parcels);
        Assert.Equal(("S", 25.0, 20.0, 10.0, 3, 0.6, 3.0), (parcel.BoxId, parcel.LengthCm, parcel.WidthCm, parcel.HeightCm, parcel.Items.Count, parcel.Fill, parcel.WeightKg));
        Assert.Equal((5.0, 3.0, 0.6), (plan.BoxLitres, plan.ItemLitres, plan.Fill));
        Assert.Equal(["S"], plan.BaselineBoxes);
        Assert.Equal([1, 2, 3], parcel.Items.Select(i => i.Step));
        Assert.Equal((Now, 0.75), (plan.DecidedAt, plan.MinSupport));
        Assert.Empty(plan.Unboxed);
    }

    [Fact]
    public void A_bottle_this_side_up_stands_and_nothing_rests_on_a_fragile_vase()
    {
        var products = new Dictionary<string, Product>
        {
            ["bottle"] = Product("bottle", 8, 8, 30, upright: true),
            ["vase"] = Product("vase", 12, 12, 12, fragile: true),
            ["book"] = Product("book", 20, 15, 4),
        };

        var plan = PackingPlanner.Plan(Options, products, [Line("book", 3), Line("vase", 1), Line("bottle", 2)], Now);

        var items = plan.Parcels.SelectMany(p => p.Items.Select(i => (Parcel: p.BoxId, Item: i))).ToList();
        Assert.Equal(6, items.Count);
        Assert.All(items.Where(i => i.Item.Sku == "bottle"), i => Assert.Equal(30.0, i.Item.HeightCm));
        var vase = items.Single(i => i.Item.Sku == "vase");
        Assert.DoesNotContain(items, i => i.Parcel == vase.Parcel && i.Item.Sku != "vase" && i.Item.Z == vase.Item.Z + vase.Item.HeightCm
            && i.Item.X < vase.Item.X + vase.Item.LengthCm && vase.Item.X < i.Item.X + i.Item.LengthCm
            && i.Item.Y < vase.Item.Y + vase.Item.WidthCm && vase.Item.Y < i.Item.Y + i.Item.WidthCm);
    }

    [Fact]
    public void Units_no_box_takes_and_unknown_skus_ship_unboxed_with_the_reason()
    {
        var products = new Dictionary<string, Product> { ["rug"] = Product("rug", 200, 30, 30), ["cube"] = Product("cube", 10, 10, 10) };

        var plan = PackingPlanner.Plan(Options, products, [Line("rug", 1), Line("ghost", 2), Line("cube", 1)], Now);

        Assert.Equal([("ghost", 2, "not in the catalogue"), ("rug", 1, "larger or heavier than every box")], plan.Unboxed.Select(u => (u.Sku, u.Quantity, u.Reason)));
        Assert.Equal("S", Assert.Single(plan.Parcels).BoxId);
    }

    [Fact]
    public void Two_hundred_units_go_in_several_boxes_each_within_its_weight()
    {
        var products = new Dictionary<string, Product> { ["tin"] = Product("tin", 10, 10, 12, kg: 0.8) };

        var plan = PackingPlanner.Plan(Options, products, [Line("tin", 200)], Now);

        Assert.Equal(200, plan.Parcels.Sum(p => p.Items.Count));
        Assert.All(plan.Parcels, p => Assert.True(p.WeightKg <= Options.Catalogue.Single(b => b.Id == p.BoxId).MaxWeightKg, $"{p.BoxId} carries {p.WeightKg} kg"));
        Assert.True(plan.BoxLitres <= plan.BaselineLitres, $"{plan.BoxLitres} l against the baseline's {plan.BaselineLitres} l");
    }

    [Fact]
    public void The_cache_key_is_the_item_set_whatever_the_line_order_and_changes_with_a_product()
    {
        var products = new Dictionary<string, Product> { ["a"] = Product("a", 10, 10, 10), ["b"] = Product("b", 5, 5, 5) };
        var heavier = new Dictionary<string, Product>(products) { ["a"] = Product("a", 10, 10, 10, kg: 2) };

        Assert.Equal(PackingPlanner.CacheKey(products, [Line("a", 1), Line("b", 2)]), PackingPlanner.CacheKey(products, [Line("b", 2), Line("a", 1)]));
        Assert.NotEqual(PackingPlanner.CacheKey(products, [Line("a", 1), Line("b", 2)]), PackingPlanner.CacheKey(products, [Line("a", 2), Line("b", 2)]));
        Assert.NotEqual(PackingPlanner.CacheKey(products, [Line("a", 1)]), PackingPlanner.CacheKey(heavier, [Line("a", 1)]));
    }

    [Fact]
    public void First_fits_plan_is_kept_only_when_it_leaves_no_more_out_in_less_box_volume()
    {
        static BoxPlan Plan(int boxSide, int unplaced) => new([new PackedBox(new BoxSize("B", boxSide, boxSide, boxSide), [])], [unplaced]);
        var blocks = Plan(20, 0);

        Assert.Same(blocks, PackingPlanner.Kept(blocks, Plan(20, 0))); // a tie stays with the block packer
        Assert.Same(blocks, PackingPlanner.Kept(blocks, Plan(30, 0)));
        Assert.Same(blocks, PackingPlanner.Kept(blocks, Plan(10, 1))); // smaller, but a unit left out
        var smaller = Plan(10, 0);
        Assert.Same(smaller, PackingPlanner.Kept(blocks, smaller));
    }
}
