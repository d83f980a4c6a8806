namespace Tandem.Brains.Evaluation;

/// <summary>How an intent model ranked the test sessions: ROC AUC and PR AUC with 95 % bootstrap intervals.</summary>
public sealed record IntentScore(
    string Model, int Sessions, int Buyers, double RocAuc, double RocLow, double RocHigh, double PrAuc, double PrLow, double PrHigh, TimeSpan Elapsed);
