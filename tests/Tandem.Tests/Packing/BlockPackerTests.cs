using Tandem.Brains.Packing;

namespace Tandem.Tests.Packing;

public sealed class BlockPackerTests
{
    private static readonly PackingRules Rules = new() { TimeCap = TimeSpan.FromSeconds(10), Attempts = 20 };

    [Fact]
    public void Eight_cubes_fill_a_box_of_twice_their_side_exactly()
    {
        ItemKind[] cubes = [new("cube", 10, 10, 10, 8)];
        var box = new BoxSize("B", 20, 20, 20);

        var packed = BlockPacker.Pack(box, cubes, Rules);

        Assert.Equal(8, packed.Placements.Count);
        Assert.Equal(1.0, packed.Fill);
        Assert.Empty(PackingCheck.Problems(packed, cubes, Rules));
    }

    [Fact]
    public void An_item_this_side_up_is_only_turned_about_the_vertical()
    {
        var box = new BoxSize("low", 40, 40, 15);
        ItemKind[] upright = [ItemKind.Upright("bottle", 30, 10, 20, 1)];
        ItemKind[] free = [new("bottle", 30, 10, 20, 1)];

        var standing = BlockPacker.Pack(box, upright, Rules);
        var lying = BlockPacker.Pack(box, free, Rules);

        Assert.Empty(standing.Placements); // 20 high does not go in 15
        Assert.Equal(10, Assert.Single(lying.Placements).Dz);
        Assert.Equal([(30, 10, 20), (10, 30, 20)], upright[0].Orientations());
    }

    [Fact]
    public void Nothing_is_packed_on_a_fragile_item_and_a_fragile_kind_is_never_stacked()
    {
        var column = new BoxSize("column", 10, 10, 20);
        ItemKind[] mixed = [new("glass", 10, 10, 10, 1) { Fragile = true }, new("book", 10, 10, 10, 1)];
        ItemKind[] glasses = [new("glass", 10, 10, 10, 2) { Fragile = true }];

        var both = BlockPacker.Pack(column, mixed, Rules);
        var one = BlockPacker.Pack(column, glasses, Rules);

        Assert.Equal([("book", 0), ("glass", 10)], both.Placements.Select(p => (mixed[p.Kind].Key, p.Z)).OrderBy(p => p.Item2));
        Assert.Single(one.Placements);
        Assert.Empty(PackingCheck.Problems(both, mixed, Rules));
    }

    [Fact]
    public void The_box_carries_no_more_than_its_weight_limit()
    {
        var box = new BoxSize("B", 100, 100, 100) { MaxWeight = 10 };
        ItemKind[] bricks = [new("brick", 10, 10, 10, 5) { Weight = 3 }];

        var packed = BlockPacker.Pack(box, bricks, Rules);

        Assert.Equal(3, packed.Placements.Count);
        Assert.Empty(PackingCheck.Problems(packed, bricks, Rules));
    }

    [Fact]
    public void A_seed_and_an_attempt_count_give_one_arrangement_at_least_as_full_as_the_greedy_one()
    {
        var random = new Random(7);
        var kinds = Enumerable.Range(0, 8).Select(i => new ItemKind($"k{i}", random.Next(30, 110), random.Next(30, 90), random.Next(30, 70), random.Next(5, 25))).ToList();
        var box = new BoxSize("C", 587, 233, 220);

        var first = BlockPacker.Pack(box, kinds, Rules);
        var second = BlockPacker.Pack(box, kinds, Rules);
        var greedy = BlockPacker.Pack(box, kinds, Rules with { Attempts = 1 });

        Assert.Equal(first.Placements, second.Placements);
        Assert.True(first.PackedVolume >= greedy.PackedVolume, $"{first.PackedVolume} < greedy {greedy.PackedVolume}");
        Assert.Empty(PackingCheck.Problems(first, kinds, Rules));
        Assert.Empty(PackingCheck.Problems(greedy, kinds, Rules));
    }

    [Fact]
    public void Every_item_rests_on_the_floor_or_on_enough_of_the_items_below()
    {
        // Tall, thin and flat kinds in a tight box invite overhangs; the check counts each unit's resting area.
        var random = new Random(11);
        var strict = Rules with { MinSupport = 1.0 };
        for (var round = 0; round < 20; round++)
        {
            var kinds = Enumerable.Range(0, 6).Select(i => new ItemKind($"k{i}", random.Next(5, 40), random.Next(5, 40), random.Next(2, 30), random.Next(1, 12))).ToList();
            var box = new BoxSize("B", 60, 50, 45);

            var packed = BlockPacker.Pack(box, kinds, strict);

            Assert.Empty(PackingCheck.Problems(packed, kinds, strict));
            Assert.All(packed.Placements.Where(p => p.Z > 0), p => Assert.Equal((long)p.Dx * p.Dy, packed.Placements.Sum(q => p.RestingArea(q))));
        }
    }
}
