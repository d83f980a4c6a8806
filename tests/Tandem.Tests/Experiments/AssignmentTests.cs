using Tandem.Brains.Experiments;

namespace Tandem.Tests.Experiments;

public sealed class AssignmentTests
{
    private static readonly Variant[] Even = [new("control", 1), new("treatment", 1)];

    private static string Unit(int i) => $"shopper-{i:D6}";

    [Fact]
    public void A_unit_keeps_its_variant_and_100000_units_split_by_the_weights_without_a_sample_ratio_mismatch()
    {
        Variant[] three = [new("a", 2), new("b", 3), new("c", 5)];
        var counts = new long[3];
        for (var i = 0; i < 100_000; i++)
        {
            counts[Assignment.Assign("exp-layout", Unit(i), three)]++;
        }

        Assert.Equal(Assignment.Assign("exp-layout", "shopper-42", three), Assignment.Assign("exp-layout", "shopper-42", three));
        Assert.All(counts.Zip([0.2, 0.3, 0.5]), c => Assert.InRange(c.First / 100_000.0, c.Second - 0.01, c.Second + 0.01));
        Assert.False(SampleRatio.Check(counts, [2, 3, 5]).Mismatch);
    }

    [Fact]
    public void Traffic_below_one_leaves_the_rest_out_and_two_experiments_draw_independently()
    {
        var inTenth = Enumerable.Range(0, 100_000).Count(i => Assignment.Assign("exp-small", Unit(i), Even, traffic: 0.1) >= 0);
        var cells = new long[4];
        for (var i = 0; i < 100_000; i++)
        {
            cells[(2 * Assignment.Assign("exp-one", Unit(i), Even)) + Assignment.Assign("exp-two", Unit(i), Even)]++;
        }

        Assert.InRange(inTenth, 9_500, 10_500);
        Assert.False(SampleRatio.Check(cells, [1, 1, 1, 1]).Mismatch); // each pair of variants about a quarter: no correlation
        Assert.Equal(-1, Assignment.Assign("exp-none", Unit(1), []));
    }
}
