using Tandem.Brains.Recommendations;

namespace Tandem.Tests.Recommendations;

/// <summary>Draws fixed by a text: the same in every run, and as scattered as chance for texts alike.</summary>
public sealed class Fnv1aTests
{
    /// <summary>How many of each group of 10 keys alike ("…-o0" to "…-o9") draw 0.9 or more, over 9,600 groups: the variance of that count.</summary>
    private static double Variance(Func<string, double> draw)
    {
        var counts = Enumerable.Range(0, 9600).Select(g => (double)Enumerable.Range(0, 10).Count(n => draw($"1#trial-{g / 48}-st-{g % 48}-o{n}") >= 0.9)).ToList();
        var mean = counts.Average();
        return counts.Sum(c => (c - mean) * (c - mean)) / (counts.Count - 1);
    }

    [Fact]
    public void Texts_alike_draw_as_scattered_as_chance_where_a_random_seeded_with_their_hash_is_far_too_even()
    {
        var mixed = Variance(Fnv1a.Uniform);
        var seeded = Variance(key => new Random(Fnv1a.Of(key)).NextDouble());

        TestContext.Current.TestOutputHelper?.WriteLine($"variance of the count of 10 at 10 %: mixed {mixed:0.000}, first draws of seeded randoms {seeded:0.000} (binomial 0.9)");
        Assert.InRange(mixed, 0.85, 0.95); // binomial: 10 × 0.1 × 0.9; the standard error of the estimate is about 0.015
        Assert.True(seeded < 0.5, $"seeded first draws: {seeded}");
        Assert.Equal(Fnv1a.Uniform("order-1"), Fnv1a.Uniform("order-1"));
        Assert.InRange(Enumerable.Range(0, 10_000).Average(i => Fnv1a.Uniform($"k{i}")), 0.49, 0.51);
        Assert.NotEqual(Fnv1a.Seed("order-1"), Fnv1a.Seed("order-2"));
    }
}
