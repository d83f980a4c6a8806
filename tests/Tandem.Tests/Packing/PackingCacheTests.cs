using Tandem.Contracts.Packing;
using Tandem.Grains.Packing;

namespace Tandem.Tests.Packing;

public sealed class PackingCacheTests
{
    private static OrderPacking Plan(double litres) => new()
    {
        Parcels = [],
        BoxLitres = litres,
        ItemLitres = 0,
        BaselineBoxes = [],
        BaselineLitres = litres,
        Algorithm = "test",
        MinSupport = 0.75,
        Milliseconds = 1,
        DecidedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void The_least_recently_used_plan_goes_first_when_the_cache_is_full()
    {
        var cache = new PackingCache();
        cache.Add("a", Plan(1), capacity: 2);
        cache.Add("b", Plan(2), capacity: 2);

        Assert.True(cache.TryGet("a", out _)); // a is now the most recently used
        cache.Add("c", Plan(3), capacity: 2);

        Assert.True(cache.TryGet("a", out var a));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out var c));
        Assert.Equal((1.0, 3.0), (a.BoxLitres, c.BoxLitres));
    }

    [Fact]
    public void A_cache_of_size_zero_keeps_nothing_and_a_key_added_again_is_replaced()
    {
        var cache = new PackingCache();
        cache.Add("a", Plan(1), capacity: 0);
        Assert.False(cache.TryGet("a", out _));

        cache.Add("b", Plan(1), capacity: 5);
        cache.Add("b", Plan(2), capacity: 5);
        Assert.True(cache.TryGet("b", out var b));
        Assert.Equal(2.0, b.BoxLitres);
    }
}
