namespace Tandem.Brains.Packing;

/// <summary>How items may be packed and how long the packer may search.</summary>
public sealed record PackingRules
{
    /// <summary>Share of an item's base that must rest on the box floor or on items below it (0.75: no floating items).</summary>
    public double MinSupport { get; init; } = 0.75;

    /// <summary>Wall time the search may take; the best arrangement found by then is kept.</summary>
    public TimeSpan TimeCap { get; init; } = TimeSpan.FromMilliseconds(90);

    /// <summary>Most constructions tried (the first is greedy, the rest randomised from <see cref="Seed"/>).</summary>
    public int Attempts { get; init; } = 200;

    public int Seed { get; init; } = 1;
}
