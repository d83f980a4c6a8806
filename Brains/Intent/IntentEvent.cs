namespace Tandem.Brains.Intent;

/// <summary>One piece of behaviour: what kind, on which item (and its category) when, and a value for the kinds that carry one.</summary>
public sealed record IntentEvent(IntentSignal Signal, string? Item, string? Category, DateTimeOffset At, double Value = 0);
