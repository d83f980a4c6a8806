namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>The segments of shoppers the bandit keeps a record for (the keys of <see cref="IArmWeightsGrain"/>).</summary>
public static class Segments
{
    /// <summary>A shopper with an empty cart: browsing.</summary>
    public const string Browse = "browse";

    /// <summary>A shopper with something in the cart: completing a basket.</summary>
    public const string Cart = "cart";

    public static IReadOnlyList<string> All { get; } = [Browse, Cart];
}
