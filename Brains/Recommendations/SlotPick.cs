namespace Tandem.Brains.Recommendations;

/// <summary>An item placed in a list: its position (0 first), the strategy drawn for that slot and the chance that strategy had of being drawn.</summary>
public sealed record SlotPick(ScoredItem Item, int Position, string Arm, double Propensity);
