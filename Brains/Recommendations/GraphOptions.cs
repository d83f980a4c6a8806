namespace Tandem.Brains.Recommendations;

/// <summary>How an item graph learns: how fast old evidence fades, how many neighbours an item keeps, how far back in a session an edge reaches.</summary>
public sealed record GraphOptions
{
    /// <summary>For a co-purchase graph: purchases are far sparser than views, so their evidence is kept longer.</summary>
    public static GraphOptions Purchases { get; } = new() { HalfLife = TimeSpan.FromDays(90) };

    /// <summary>An edge's weight halves in this time.</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(14);

    /// <summary>The most neighbours one item keeps (the lightest are dropped).</summary>
    public int MaxNeighbours { get; init; } = 200;

    /// <summary>A viewed item is linked to the views up to this many steps later, with weight 1 / steps.</summary>
    public int Window { get; init; } = 5;

    /// <summary>How much a later view links back to the earlier one, relative to the forward link (0: not at all).</summary>
    public double Backward { get; init; } = 0.5;

    /// <summary>Checks the options, naming the first one out of range.</summary>
    public GraphOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HalfLife, TimeSpan.Zero, nameof(HalfLife));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNeighbours, 1, nameof(MaxNeighbours));
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 1, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfNegative(Backward, nameof(Backward));
        return this;
    }
}
