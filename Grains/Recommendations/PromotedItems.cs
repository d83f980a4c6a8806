using Tandem.Brains.Recommendations;
using Tandem.Contracts.Recommendations;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// The promoted strategy: every running promotion is a candidate, those whose scenes and category hold more of the
/// session's interest (<see cref="SceneInterest"/>) first: a promotion scores <see cref="Floor"/> plus the share of the
/// interest it fits. The vote says the promotion's reason.
/// </summary>
public static class PromotedItems
{
    /// <summary>What a promotion fitting nothing the session did scores: it can still be shown when the bandit draws the strategy.</summary>
    public const double Floor = 0.1;

    public static void Vote(IReadOnlyList<Promotion> promotions, IReadOnlyDictionary<string, double> interest, Votes votes, double weight, Func<string, bool> skip)
    {
        var total = interest.Values.Sum();
        foreach (var promotion in promotions.Where(p => !skip(p.Sku)))
        {
            var fits = promotion.Scenes.Sum(s => interest.GetValueOrDefault(s)) + interest.GetValueOrDefault(CategoryNode.Key(promotion.Category));
            var share = total > 0 ? fits / total : 0;
            votes.Add(promotion.Sku, weight * (Floor + share), Arm.Promoted, promotion.Reason, share);
        }
    }
}
