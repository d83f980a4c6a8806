using Tandem.Brains.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>How much each strategy's votes count in the blend.</summary>
public static class ArmWeights
{
    /// <summary>Every strategy counts the same; co-view and recently viewed together are what the next-click evaluation measures.</summary>
    public static IReadOnlyDictionary<string, double> Equal { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [Arm.CoView] = 1,
        [Arm.RecentlyViewed] = 1,
        [Arm.CoPurchase] = 1,
        [Arm.Scene] = 1,
    };

    public const string EqualPolicy = "equal weights";
}
