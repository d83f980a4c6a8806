namespace Tandem.Contracts.Experiments;

/// <summary>The shop's product-page layouts a variant may set.</summary>
public static class PageLayouts
{
    /// <summary>The product first, its picks below (the shop's own layout).</summary>
    public const string Standard = "standard";

    /// <summary>The session's picks above the product's details.</summary>
    public const string PicksFirst = "picks-first";

    public static IReadOnlyList<string> All { get; } = [Standard, PicksFirst];
}
