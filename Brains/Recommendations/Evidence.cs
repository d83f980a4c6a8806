namespace Tandem.Brains.Recommendations;

/// <summary>One vote an item got: from which strategy, because of which item (null for none), the edge's share behind it (null for none), and its size.</summary>
public sealed record Evidence(string Arm, string? From, double? Share, double Vote);
