using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Intent;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

public sealed class PurchaseIntentTests
{
    private static readonly DateTimeOffset T0 = new(2016, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ROC_AUC_is_the_chance_a_buyer_outranks_a_non_buyer_with_ties_counting_half()
    {
        // Positives 0.9 and 0.4; negatives 0.4, 0.2, 0.1: 0.9 wins 3 pairs, 0.4 ties one (half) and wins two: 5.5 of 6.
        double[] scores = [0.9, 0.4, 0.4, 0.2, 0.1];
        bool[] labels = [true, true, false, false, false];

        Assert.Equal((3 + 2.5) / 6, Ranks.RocAuc(scores, labels), 12);
        Assert.True(double.IsNaN(Ranks.RocAuc([0.3, 0.5], [true, true])));
    }

    [Fact]
    public void Average_precision_takes_the_precision_at_each_buyer_going_down_the_scores()
    {
        // Order: +, -, +, - → precisions at the buyers 1 and 2/3.
        Assert.Equal((1 + (2.0 / 3)) / 2, Ranks.AveragePrecision([0.9, 0.8, 0.7, 0.1], [true, false, true, false]), 12);
        // A tie of one buyer and one non-buyer at the top is taken at once: precision 1/2 there.
        Assert.Equal(0.5, Ranks.AveragePrecision([0.5, 0.5], [true, false]), 12);
    }

    [Fact]
    public void A_bootstrap_interval_is_repeatable_and_holds_the_measure()
    {
        var random = new Random(4);
        var labels = Enumerable.Range(0, 300).Select(i => i % 7 == 0).ToArray();
        var scores = labels.Select(l => (l ? 0.3 : 0) + random.NextDouble()).ToArray();

        var first = Ranks.Bootstrap(scores, labels, Ranks.RocAuc, rounds: 200);
        var again = Ranks.Bootstrap(scores, labels, Ranks.RocAuc, rounds: 200);

        Assert.Equal(first, again);
        Assert.InRange(Ranks.RocAuc(scores, labels), first.Low, first.High);
        Assert.True(first.High - first.Low is > 0.02 and < 0.3, $"{first}");
    }

    [Fact]
    public void Features_read_views_repeats_returns_gaps_and_the_cart_from_a_session()
    {
        IntentEvent[] events =
        [
            new(IntentSignal.View, "cot", "nursery", T0),
            new(IntentSignal.View, "mattress", "nursery", T0.AddSeconds(20)),
            new(IntentSignal.SizeChart, "mattress", "nursery", T0.AddSeconds(30)),
            new(IntentSignal.View, "cot", "nursery", T0.AddSeconds(60)),
            new(IntentSignal.Click, "raincoat", "outdoor", T0.AddSeconds(63), 4),
            new(IntentSignal.View, "raincoat", "outdoor", T0.AddSeconds(63)),
            new(IntentSignal.ScrollSpeed, "raincoat", "outdoor", T0.AddSeconds(70), 1200),
            new(IntentSignal.ScrollSpeed, "raincoat", "outdoor", T0.AddSeconds(71), 300),
            new(IntentSignal.AddToCart, "cot", "nursery", T0.AddSeconds(99)),
        ];

        var f = IntentFeatures.From(events, signedIn: true);

        Assert.Equal(IntentFeatures.Count, f.Length);
        Assert.Equal(IntentFeatures.Count, IntentFeatures.Names.Count);
        Assert.Equal(4, f[0]);                              // views
        Assert.Equal(3, f[1]);                              // distinct items
        Assert.Equal(2, f[2]);                              // distinct categories
        Assert.Equal((float)Math.Log(100), f[3], 5);        // 99 s from first to last
        Assert.Equal((float)Math.Log(1 + 12.375), f[4], 5); // gaps 20, 10, 30, 3, 0, 7, 1, 28: mean 12.375
        Assert.Equal((float)Math.Log(1 + 30), f[5], 5);
        Assert.Equal((float)Math.Log(1 + 28), f[6], 5);
        Assert.Equal(0.25f, f[7]);                          // 1 of 4 views repeated
        Assert.Equal(2, f[8]);                              // cot twice
        Assert.Equal(0.75f, f[9]);                          // 3 of 4 views in nursery
        Assert.Equal(1, f[10]);
        Assert.Equal(1, f[11]);                             // size chart
        Assert.Equal(1, f[12]);                             // clicks
        Assert.Equal(4, f[13]);                             // mean click position
        Assert.Equal(1, f[14]);                             // add to cart
        Assert.Equal(1, f[17]);                             // items viewed twice
        Assert.Equal(1, f[18]);                             // back to cot after mattress
        Assert.Equal((float)Math.Log(1 + 1200), f[19], 5);  // the fastest scroll
    }

    [Fact]
    public void On_DIGINETICA_gradient_boosting_ranks_buyers_above_the_number_of_views_and_every_model_is_repeatable()
    {
        var sessions = DigineticaViews.Read(SharedData.Folder("diginetica_sample")).ForIntent();
        var testFrom = new DateTimeOffset(2016, 3, 15, 0, 0, 0, TimeSpan.Zero);
        var train = sessions.Where(s => s.Start < testFrom).ToList();
        var test = sessions.Where(s => s.Start >= testFrom).ToList();

        var views = IntentProtocol.Run(new ViewCountIntent(), train, test, rounds: 100);
        var boosted = IntentProtocol.Run(new GradientBoostedIntent(), train, test, rounds: 100);
        var boostedAgain = IntentProtocol.Run(new GradientBoostedIntent(), train, test, rounds: 100);
        var gru = IntentProtocol.Run(new SequenceIntent(), train, test, rounds: 100);
        var gruAgain = IntentProtocol.Run(new SequenceIntent(), train, test, rounds: 100);

        Assert.Equal((1_163, 48), (train.Count, train.Count(s => s.Bought)));
        Assert.Equal((811, 38), (test.Count, views.Buyers));
        Assert.Equal(0.552, Math.Round(views.RocAuc, 3));
        Assert.True(boosted.RocAuc > views.RocAuc && boosted.PrAuc > views.PrAuc, $"boosted {boosted.RocAuc}/{boosted.PrAuc}, views {views.RocAuc}/{views.PrAuc}");
        Assert.Equal(boosted.RocAuc, boostedAgain.RocAuc);
        Assert.Equal(gru.RocAuc, gruAgain.RocAuc);
    }
}
