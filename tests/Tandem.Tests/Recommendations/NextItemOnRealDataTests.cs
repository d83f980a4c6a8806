using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Evaluation.Models;
using Tandem.Brains.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

/// <summary>The next-click evaluation on the RecSys 2015 sample, as <c>tools/Tandem.Evaluate next-click</c> runs it.</summary>
public sealed class NextItemOnRealDataTests
{
    [Fact]
    public void On_RecSys_2015_clicks_Tandem_beats_item_kNN_and_popularity_and_the_reference_V_SKNN_lands_near_its_published_figure()
    {
        var folder = SharedData.Folder("yoochoose_rsc15_100k");
        var train = YoochooseClicks.Read(Path.Combine(folder, "yoochoose-clicks-100k_train_tr.txt"));
        var test = NextItemProtocol.Prepare(train, YoochooseClicks.Read(Path.Combine(folder, "yoochoose-clicks-100k_train_valid.txt")));

        var popularity = NextItemProtocol.Run(new PopularityModel(), train, test);
        var itemKnn = NextItemProtocol.Run(new ItemKnnModel(), train, test);
        var vsknn = NextItemProtocol.Run(new SessionKnnModel(), train, test);
        var frozen = NextItemProtocol.Run(new TandemSessionModel(new GraphOptions(), live: false), train, test);
        var live = NextItemProtocol.Run(new TandemSessionModel(new GraphOptions(), live: true), train, test);

        Assert.Equal(13_629, train.Count);
        Assert.Equal(4_084, test.Count);
        Assert.All(new[] { popularity, itemKnn, vsknn, frozen, live }, s => Assert.Equal(12_455, s.Predictions));
        // Published V-SKNN on this sample: HR@20 ≈ 0.6, MRR@20 ≈ 0.33.
        Assert.InRange(vsknn.HitRate, 0.58, 0.70);
        Assert.InRange(vsknn.Mrr, 0.30, 0.38);
        Assert.True(itemKnn.HitRate > popularity.HitRate);
        Assert.True(frozen.HitRate > itemKnn.HitRate && frozen.Mrr > itemKnn.Mrr);
        Assert.True(live.HitRate > frozen.HitRate && live.Mrr > frozen.Mrr, $"live {live.HitRate}/{live.Mrr}, frozen {frozen.HitRate}/{frozen.Mrr}");
    }
}
