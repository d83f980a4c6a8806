using Tandem.Brains.Evaluation;

namespace Tandem.Tests.Recommendations;

public sealed class NextItemProtocolTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Test_items_unknown_to_training_are_dropped_and_then_sessions_of_one_event()
    {
        var train = new[] { Session("t", 0, "a", "b", "c") };
        var test = new[] { Session("x", 10, "a", "z", "b"), Session("y", 20, "z", "c"), Session("w", 30, "q", "r") };

        var prepared = NextItemProtocol.Prepare(train, test);

        var only = Assert.Single(prepared);
        Assert.Equal(["a", "b"], only.Items);
        Assert.Equal([T0.AddMinutes(10), T0.AddMinutes(14)], only.Times);
    }

    [Fact]
    public void Hit_rate_and_reciprocal_rank_count_every_step_after_the_first()
    {
        // The model always answers [b, c, d]: step a→b is rank 1, b→c rank 2, c→e a miss.
        var model = new Scripted(["b", "c", "d"]);
        var test = new[] { Session("s", 0, "a", "b", "c", "e") };

        var score = NextItemProtocol.Run(model, [], test, cutoff: 3);

        Assert.Equal(3, score.Predictions);
        Assert.Equal(2.0 / 3, score.HitRate, 12);
        Assert.Equal((1 + 0.5) / 3, score.Mrr, 12);
    }

    [Fact]
    public void A_hit_beyond_the_cutoff_does_not_count()
    {
        var score = NextItemProtocol.Run(new Scripted(["x", "y", "b"]), [], [Session("s", 0, "a", "b")], cutoff: 2);

        Assert.Equal(0, score.HitRate);
        Assert.Equal(0, score.Mrr);
    }

    [Fact]
    public void Predictions_go_in_event_order_across_sessions_and_are_told_only_what_already_happened()
    {
        var model = new Scripted([]);
        var test = new[] { Session("early", 0, "a", "b", "c"), Session("late", 1, "d", "e") };

        NextItemProtocol.Run(model, [], test);

        // early: a (0 min), b (2), c (4); late: d (1), e (3). Steps in time order: b, e, c.
        Assert.Equal(["a→?", "a→b", "d→?", "d→e", "a,b→?", "a,b→c"], model.Calls);
    }

    private static ClickSession Session(string id, int startMinute, params string[] items) =>
        new(id, items, [.. items.Select((_, i) => T0.AddMinutes(startMinute + (2 * i)))]);

    private sealed class Scripted(IReadOnlyList<string> answer) : INextItemModel
    {
        public List<string> Calls { get; } = [];

        public string Name => "scripted";

        public void Train(IReadOnlyList<ClickSession> sessions)
        {
        }

        public IReadOnlyList<string> Recommend(IReadOnlyList<string> prefix, int count)
        {
            Calls.Add(string.Join(',', prefix) + "→?");
            return answer;
        }

        public void Observe(IReadOnlyList<string> prefix, string following, DateTimeOffset at) => Calls.Add(string.Join(',', prefix) + "→" + following);
    }
}
