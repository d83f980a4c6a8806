using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Models;
using Tandem.Brains.Recommendations;

namespace Tandem.Evaluate;

/// <summary>The models every next-item evaluation runs, baselines first, on the same data in the same run.</summary>
internal static class NextItemModels
{
    public static IReadOnlyList<NextItemScore> RunAll(IReadOnlyList<ClickSession> train, IReadOnlyList<ClickSession> test, int cutoff)
    {
        var options = new GraphOptions();
        INextItemModel[] models =
        [
            new PopularityModel(),
            new ItemKnnModel(),
            new SessionKnnModel(),
            new TandemSessionModel(options, live: false),
            new TandemSessionModel(options, live: true),
        ];
        return [.. models.Select(m => NextItemProtocol.Run(m, train, test, cutoff))];
    }
}
