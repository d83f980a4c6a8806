namespace Tandem.ExperimentTrials;

/// <summary>What one experiment came to, as its grains report it.</summary>
internal sealed record TrialRun(
    bool Injected, long ControlUnits, long TreatmentUnits, double ControlRate, double TreatmentRate,
    double Difference, double Low, double High, double PValue, bool SampleRatioMismatch, int UnitsMismatched);
