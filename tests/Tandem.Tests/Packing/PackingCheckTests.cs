using Tandem.Brains.Packing;

namespace Tandem.Tests.Packing;

public sealed class PackingCheckTests
{
    private static readonly PackingRules Rules = new() { MinSupport = 0.75 };

    private static readonly ItemKind[] Kinds =
    [
        new("cube", 10, 10, 10, 3) { Weight = 2 },
        new("vase", 10, 10, 20, 1) { Fragile = true, LengthMayStand = false, WidthMayStand = false, Weight = 1 },
    ];

    private static IReadOnlyList<string> Check(params Placement[] items) =>
        PackingCheck.Problems(new PackedBox(new BoxSize("B", 30, 30, 30) { MaxWeight = 6 }, items), Kinds, Rules);

    [Fact]
    public void A_sound_arrangement_has_no_problems()
    {
        Assert.Empty(Check(new Placement(0, 0, 0, 0, 10, 10, 10), new Placement(0, 0, 0, 10, 10, 10, 10), new Placement(1, 10, 0, 0, 10, 10, 20)));
    }

    [Fact]
    public void Each_broken_rule_is_named()
    {
        Assert.Contains("leaves the box", Assert.Single(Check(new Placement(0, 25, 0, 0, 10, 10, 10))), StringComparison.Ordinal);
        Assert.Contains("overlap", Assert.Single(Check(new Placement(0, 0, 0, 0, 10, 10, 10), new Placement(0, 5, 5, 0, 10, 10, 10))), StringComparison.Ordinal);
        Assert.Contains("not an allowed way", Assert.Single(Check(new Placement(1, 0, 0, 0, 20, 10, 10))), StringComparison.Ordinal);
        Assert.Contains("rests on less than 75", Assert.Single(Check(new Placement(0, 0, 0, 0, 10, 10, 10), new Placement(0, 5, 0, 10, 10, 10, 10))), StringComparison.Ordinal); // half its base in the air
        Assert.Contains("fragile", Assert.Single(Check(new Placement(1, 0, 0, 0, 10, 10, 20), new Placement(0, 0, 0, 20, 10, 10, 10))), StringComparison.Ordinal);
        Assert.Contains("2 of vase placed", Assert.Single(Check(new Placement(1, 0, 0, 0, 10, 10, 20), new Placement(1, 10, 0, 0, 10, 10, 20))), StringComparison.Ordinal);
        Assert.Contains("weight 7 over", Assert.Single(Check(new Placement(0, 0, 0, 0, 10, 10, 10), new Placement(0, 10, 0, 0, 10, 10, 10), new Placement(0, 20, 0, 0, 10, 10, 10), new Placement(1, 0, 10, 0, 10, 10, 20))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_resting_on_two_items_counts_both()
    {
        // A cube across two cubes 2 apart: 5 + 3 of its 10 rest on them (80 %); 4 apart: 5 + 1 (60 %).
        Assert.Empty(Check(new Placement(0, 0, 0, 0, 10, 10, 10), new Placement(0, 12, 0, 0, 10, 10, 10), new Placement(0, 5, 0, 10, 10, 10, 10)));
        Assert.Single(Check(new Placement(0, 0, 0, 0, 10, 10, 10), new Placement(0, 14, 0, 0, 10, 10, 10), new Placement(0, 5, 0, 10, 10, 10, 10)));
    }
}
