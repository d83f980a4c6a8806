using Tandem.Brains.Evaluation;
using Tandem.Brains.Recommendations;

namespace Tandem.Tests.Recommendations;

public sealed class BanditTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_record_halves_once_per_half_life_and_keeps_the_uniform_prior()
    {
        var record = new ArmPosterior(0, 0, T0).With(8, 4, T0, TimeSpan.FromDays(1));

        Assert.Equal(9.0 / 14, record.Mean, 12);
        Assert.Equal(new ArmPosterior(4, 2, T0.AddDays(1)), record.FadedTo(T0.AddDays(1), TimeSpan.FromDays(1)));
        Assert.Equal(new ArmPosterior(5, 2, T0.AddDays(1)), record.With(1, 0, T0.AddDays(1), TimeSpan.FromDays(1)));
        Assert.Equal(0.5, default(ArmPosterior).Mean);
    }

    [Fact]
    public void Propensities_follow_the_records_and_none_is_zero()
    {
        var equal = ThompsonSampling.Propensities(new Dictionary<string, ArmPosterior>(), ["a", "b"], new Random(1), draws: 4000);
        var lopsided = ThompsonSampling.Propensities(
            new Dictionary<string, ArmPosterior> { ["a"] = new(500, 10, T0), ["b"] = new(10, 500, T0) }, ["a", "b"], new Random(1), draws: 400);

        Assert.InRange(equal["a"], 0.47, 0.53);
        Assert.Equal(1, equal.Values.Sum(), 12);
        Assert.True(lopsided["b"] > 0 && lopsided["b"] < 0.01, $"{lopsided["b"]}");
        Assert.True(lopsided["a"] > 0.99);
    }

    [Fact]
    public void A_list_is_filled_slot_by_slot_without_repeating_an_item_and_each_slot_names_its_strategy()
    {
        var byArm = new Dictionary<string, IReadOnlyList<ScoredItem>>
        {
            ["good"] = [Item("x", "good"), Item("y", "good"), Item("z", "good")],
            ["poor"] = [Item("x", "poor"), Item("w", "poor")],
            ["empty"] = [],
        };
        var records = new Dictionary<string, ArmPosterior> { ["good"] = new(1000, 1, T0), ["poor"] = new(1, 1000, T0) };

        var list = BanditBlend.Compose(byArm, records, count: 10, new Random(7));

        // The good strategy wins every draw while it has items; then only the poor one is left, with propensity 1.
        Assert.Equal(["x", "y", "z", "w"], list.Select(p => p.Item.Item));
        Assert.Equal(["good", "good", "good", "poor"], list.Select(p => p.Arm));
        Assert.Equal([0, 1, 2, 3], list.Select(p => p.Position));
        Assert.Equal(1, list[3].Propensity);
        Assert.All(list.Take(3), p => Assert.True(p.Propensity > 0.99));
    }

    [Fact]
    public void The_same_seed_gives_the_same_list()
    {
        var byArm = new Dictionary<string, IReadOnlyList<ScoredItem>>
        {
            ["a"] = [Item("1", "a"), Item("2", "a"), Item("3", "a")],
            ["b"] = [Item("4", "b"), Item("5", "b"), Item("6", "b")],
        };

        var first = BanditBlend.Compose(byArm, new Dictionary<string, ArmPosterior>(), 4, new Random(42));
        var again = BanditBlend.Compose(byArm, new Dictionary<string, ArmPosterior>(), 4, new Random(42));

        Assert.Equal(first, again);
    }

    private static ScoredItem Item(string item, string arm) => new(item, 1, arm, null);

    [Fact]
    public void In_a_replay_where_shoppers_go_back_to_what_they_viewed_the_bandit_gives_its_one_slot_to_recently_viewed()
    {
        // Every test session clicks one item again and again: the next click is always the item viewed last, which
        // "recently viewed" offers first, while the co-view graph (no edge from an item to itself) points elsewhere.
        var train = Enumerable.Range(0, 50).Select(i => Session($"t{i}", i, $"p{i}", $"q{i}", $"r{i}")).ToList();
        var test = Enumerable.Range(0, 200).Select(i => Session($"s{i}", 100 + i, [.. Enumerable.Repeat($"p{i % 50}", 5)])).ToList();

        var score = BanditReplay.Run(BanditReplay.Policy.Bandit, train, test, slots: 1);

        Assert.Equal(800, score.Lists);
        Assert.True(score.ByArm["recently-viewed"].Slots > 700, string.Join(", ", score.ByArm));
        Assert.True(score.ClickRate > 0.7, $"{score.ClickRate}");
    }

    private static ClickSession Session(string id, int minute, params string[] items) =>
        new(id, items, [.. items.Select((_, i) => T0.AddMinutes(minute).AddSeconds(i))]);
}
