namespace Tandem.ExperimentTrials;

/// <summary>
/// What one experiment came to, as its grains report it. <see cref="UnitsMismatched"/>: units served another variant than
/// the hash gives (a defect); <see cref="UnitsUntagged"/>: units served without the experiment (its start not yet read by
/// the serving silo: the unit is left out of the experiment, not counted).
/// </summary>
internal sealed record TrialRun(
    bool Injected, long ControlUnits, long TreatmentUnits, double ControlRate, double TreatmentRate,
    double Difference, double Low, double High, double PValue, bool SampleRatioMismatch, int UnitsMismatched, int UnitsUntagged = 0);
