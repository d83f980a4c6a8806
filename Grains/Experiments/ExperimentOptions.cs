namespace Tandem.Grains.Experiments;

/// <summary>How experiments reach the silos; bound from configuration section <c>Tandem:Experiments</c>.</summary>
public sealed class ExperimentOptions
{
    public static readonly TimeSpan DefaultRefreshEvery = TimeSpan.FromSeconds(5);

    /// <summary>How often a silo reads the running experiments again: a start or stop reaches every silo within it.</summary>
    public TimeSpan RefreshEvery { get; set; } = DefaultRefreshEvery;
}
