using Tandem.Brains.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>The strategies the recommender draws from, and the segments the bandit keeps a record for.</summary>
public static class Arms
{
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal) { Arm.CoView, Arm.RecentlyViewed, Arm.CoPurchase, Arm.Scene };

    /// <summary>A shopper with an empty cart: browsing.</summary>
    public const string Browse = "browse";

    /// <summary>A shopper with something in the cart: completing a basket.</summary>
    public const string Cart = "cart";

    public static IReadOnlyList<string> Segments { get; } = [Browse, Cart];
}
