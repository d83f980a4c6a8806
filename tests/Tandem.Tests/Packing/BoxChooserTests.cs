using Tandem.Brains.Packing;

namespace Tandem.Tests.Packing;

public sealed class BoxChooserTests
{
    private static readonly PackingRules Rules = new() { TimeCap = TimeSpan.FromSeconds(5), Attempts = 50 };

    private static readonly BoxSize[] Catalogue =
    [
        new("L", 20, 20, 20) { MaxWeight = 100 },
        new("S", 10, 10, 10) { MaxWeight = 100 },
        new("M", 20, 20, 10) { MaxWeight = 100 },
    ];

    [Theory]
    [InlineData(1, "S")]
    [InlineData(2, "M")]
    [InlineData(4, "M")]
    [InlineData(5, "L")]
    [InlineData(8, "L")]
    [InlineData(12, "L M")]
    [InlineData(17, "L L S")]
    public void The_smallest_box_that_holds_everything_or_the_largest_filled_and_again(int cubes, string boxes)
    {
        ItemKind[] kinds = [new("cube", 10, 10, 10, cubes)];

        var plan = BoxChooser.Choose(Catalogue, kinds, Rules, BlockPacker.Pack);
        var baseline = BoxChooser.Choose(Catalogue, kinds, Rules, FirstFitPacker.Pack);

        Assert.Equal(boxes, string.Join(' ', plan.Boxes.Select(b => b.Box.Key)));
        Assert.Equal(boxes, string.Join(' ', baseline.Boxes.Select(b => b.Box.Key))); // cubes are easy for both
        Assert.Equal(cubes, plan.Boxes.Sum(b => b.Placements.Count));
        Assert.All(plan.Boxes, b => Assert.Empty(PackingCheck.Problems(b, kinds, Rules)));
        Assert.Equal(0, plan.Unplaced.Single());
    }

    [Fact]
    public void What_fits_no_box_by_size_or_weight_is_left_out_and_the_rest_is_packed()
    {
        ItemKind[] kinds = [new("rug", 30, 5, 5, 1), new("anvil", 5, 5, 5, 1) { Weight = 150 }, new("cube", 10, 10, 10, 1)];

        var plan = BoxChooser.Choose(Catalogue, kinds, Rules, BlockPacker.Pack);

        Assert.Equal([1, 1, 0], plan.Unplaced);
        Assert.Equal("S", Assert.Single(plan.Boxes).Box.Key);
    }

    [Fact]
    public void Where_the_volume_fits_but_the_shapes_do_not_a_larger_box_is_taken()
    {
        // Two 15 × 10 × 10 bricks: 3,000 of M's 4,000, yet they lie in M side by side only as 15 + 15 = 30 > 20 or
        // 10 + 10 along 20: they do fit in M (15 × 20 × 10). Three do not (45 or 30 > 20): L takes them.
        ItemKind[] two = [new("brick", 15, 10, 10, 2)];
        ItemKind[] three = [new("brick", 15, 10, 10, 3)];

        Assert.Equal("M", Assert.Single(BoxChooser.Choose(Catalogue, two, Rules, BlockPacker.Pack).Boxes).Box.Key);
        Assert.Equal("L", Assert.Single(BoxChooser.Choose(Catalogue, three, Rules, BlockPacker.Pack).Boxes).Box.Key);
    }
}
