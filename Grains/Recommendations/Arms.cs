using Tandem.Brains.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>The strategies the recommender draws from.</summary>
public static class Arms
{
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal) { Arm.CoView, Arm.RecentlyViewed, Arm.CoPurchase, Arm.Scene, Arm.Popular, Arm.Promoted };
}
