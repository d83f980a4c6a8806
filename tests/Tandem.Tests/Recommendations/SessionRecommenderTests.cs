using Tandem.Brains.Recommendations;

namespace Tandem.Tests.Recommendations;

public sealed class SessionRecommenderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Neighbours_of_the_latest_view_come_first_and_each_says_which_view_brought_it()
    {
        var recommender = new SessionRecommender(new GraphOptions { Window = 1, Backward = 0 });
        Learn(recommender, "cot", "mattress");
        Learn(recommender, "cot", "mattress");
        Learn(recommender, "cot", "blanket");
        Learn(recommender, "raincoat", "umbrella");

        var picks = recommender.Recommend(["raincoat", "cot"], 5);

        // cot (latest, weight 1): itself 1, mattress 2/3, blanket 1/3; raincoat (weight 1/2): itself 1/2, umbrella 1/2.
        Assert.Equal(
            [
                new ScoredItem("cot", 1, Arm.RecentlyViewed, "cot"),
                new ScoredItem("mattress", Math.Round(2.0 / 3, 12), Arm.CoView, "cot"),
                new ScoredItem("raincoat", 0.5, Arm.RecentlyViewed, "raincoat"),
                new ScoredItem("umbrella", 0.5, Arm.CoView, "raincoat"),
                new ScoredItem("blanket", Math.Round(1.0 / 3, 12), Arm.CoView, "cot"),
            ],
            picks.Select(p => p with { Score = Math.Round(p.Score, 12) }));
    }

    [Fact]
    public void A_short_list_is_filled_with_what_is_popular_without_repeating_an_item_or_showing_an_excluded_one()
    {
        var recommender = new SessionRecommender(new GraphOptions());
        Learn(recommender, "a", "b");
        Learn(recommender, "c", "b");
        Learn(recommender, "d", "b");
        Learn(recommender, "d", "e");

        var picks = recommender.Recommend(["a"], 4, exclude: i => i == "d");

        // a votes for itself (1) and for b, its only neighbour (share 1): a tie, broken by id. Popular: b 3, d 2, then a, c, e once each.
        Assert.Equal(["a", "b", "c", "e"], picks.Select(p => p.Item));
        Assert.Equal([Arm.RecentlyViewed, Arm.CoView, Arm.Popular, Arm.Popular], picks.Select(p => p.Arm));
        Assert.Null(picks[2].Because);
    }

    [Fact]
    public void What_it_is_told_counts_at_once_without_a_training_run()
    {
        var recommender = new SessionRecommender(new GraphOptions());
        Assert.DoesNotContain(recommender.Recommend(["stroller"], 3), p => p.Item == "wipes");

        recommender.Learn(["stroller"], "wipes", T0);

        Assert.Equal("wipes", recommender.Recommend(["stroller"], 3, exclude: i => i == "stroller")[0].Item);
    }

    private static void Learn(SessionRecommender recommender, string first, string second)
    {
        recommender.Popular.Add(first, T0);
        recommender.Learn([first], second, T0);
    }
}
