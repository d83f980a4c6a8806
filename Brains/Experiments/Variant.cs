namespace Tandem.Brains.Experiments;

/// <summary>One arm of an experiment and its share of the experiment's traffic (weights are relative: 1 and 1 split evenly).</summary>
public sealed record Variant(string Name, double Weight);
