namespace Tandem.Brains.Evaluation;

/// <summary>How a model did on next-item prediction: the share of predictions whose target was in the list, and the mean reciprocal rank.</summary>
public sealed record NextItemScore(string Model, int Predictions, double HitRate, double Mrr, int Cutoff, TimeSpan Elapsed);
