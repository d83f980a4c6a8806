namespace Tandem.Brains.Recommendations;

/// <summary>The strategies a recommendation can come from; each recommended item names the one that gave it most.</summary>
public static class Arm
{
    /// <summary>Items viewed soon before or after the session's recent items by other shoppers.</summary>
    public const string CoView = "co-view";

    /// <summary>Items the session itself viewed lately.</summary>
    public const string RecentlyViewed = "recently-viewed";

    /// <summary>Items bought together with the basket's items.</summary>
    public const string CoPurchase = "co-purchase";

    /// <summary>Products of the scenes and categories the session's behaviour points to, completing what it is shopping for.</summary>
    public const string Scene = "scene";

    /// <summary>What many shoppers looked at and bought lately in the categories the session points at (globally, in the evaluations).</summary>
    public const string Popular = "popular";

    /// <summary>Products the shop promotes (by ops, or the supply chain's slow movers), those fitting the session's scenes and categories first.</summary>
    public const string Promoted = "promoted";
}
