using Tandem.Brains.Recommendations;

namespace Tandem.Tests.Recommendations;

public sealed class ItemGraphTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_view_links_to_the_views_after_it_by_one_over_the_steps_and_back_by_half_of_that()
    {
        var graph = new ItemGraph(new GraphOptions { Window = 2, Backward = 0.5 });

        graph.ObserveSequence(["a", "b", "c", "d"], T0);

        // a→b 1, a→c 1/2 (d is 3 steps on, beyond the window); b→a 0.5 back from b.
        Assert.Equal(1 / 1.5, graph.Of("a")!.Share("b"), 12);
        Assert.Equal(0.5 / 1.5, graph.Of("a")!.Share("c"), 12);
        Assert.Equal(0, graph.Of("a")!.Share("d"));
        // b: forward c 1, d 1/2; back to a 0.5. Total 2.
        Assert.Equal(0.25, graph.Of("b")!.Share("a"), 12);
        Assert.Equal(0.5, graph.Of("b")!.Share("c"), 12);
        Assert.Equal(0.25, graph.Of("b")!.Share("d"), 12);
    }

    [Fact]
    public void Viewing_the_same_item_twice_in_a_row_makes_no_edge_to_itself()
    {
        var graph = new ItemGraph(new GraphOptions());

        graph.ObserveSequence(["a", "a"], T0);

        Assert.Null(graph.Of("a"));
    }

    [Fact]
    public void An_edge_added_one_half_life_later_weighs_twice_as_much_as_an_old_one()
    {
        var graph = new ItemGraph(new GraphOptions { HalfLife = TimeSpan.FromDays(7) });

        graph.ObserveBasket(["stroller", "wipes"], T0);
        graph.ObserveBasket(["stroller", "car-seat"], T0.AddDays(7));

        Assert.Equal(2.0 / 3, graph.Of("stroller")!.Share("car-seat"), 12);
        Assert.Equal(1.0 / 3, graph.Of("stroller")!.Share("wipes"), 12);
    }

    [Fact]
    public void Weights_stay_exact_across_thousands_of_half_lives()
    {
        var edges = new Adjacency(TimeSpan.FromHours(1), 10, T0);

        edges.Add("old", 1, T0);
        edges.Add("new", 1, T0.AddHours(400));
        edges.Add("newer", 3, T0.AddHours(400));

        Assert.Equal(0.25, edges.Share("new"), 12);
        Assert.Equal(0.75, edges.Share("newer"), 12);
        Assert.Equal(0, edges.Share("old"), 12);
    }

    [Fact]
    public void An_item_keeps_its_heaviest_neighbours_once_it_holds_twice_its_limit()
    {
        var edges = new Adjacency(TimeSpan.FromDays(1), 2, T0);

        edges.Add("a", 4, T0);
        edges.Add("b", 1, T0);
        edges.Add("c", 3, T0);
        edges.Add("d", 2, T0);
        Assert.Equal(4, edges.Count);

        edges.Add("e", 0.5, T0);

        Assert.Equal(["a", "c"], edges.Weights().Select(p => p.Key));
        Assert.Equal(4 / 10.5, edges.Share("a"), 12);
    }

    [Fact]
    public void Ranking_keeps_the_best_in_order_and_breaks_ties_by_id()
    {
        var scores = new Dictionary<string, double> { ["d"] = 1, ["b"] = 2, ["a"] = 2, ["c"] = 5, ["e"] = 0.5 };

        Assert.Equal(["c", "a", "b"], Ranking.Best(scores, 3).Select(p => p.Key));
        Assert.Empty(Ranking.Best(scores, 0));
        Assert.Equal(5, Ranking.Best(scores, 10).Count);
    }
}
