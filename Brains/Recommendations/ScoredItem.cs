namespace Tandem.Brains.Recommendations;

/// <summary>
/// A recommended item, its score, the <see cref="Recommendations.Arm"/> that gave it most and the item behind that
/// (the viewed or bought item whose edge voted for it; null for popularity).
/// </summary>
public sealed record ScoredItem(string Item, double Score, string Arm, string? Because);
