using Tandem.Contracts.Experiments;

namespace Tandem.Grains.Experiments;

[GenerateSerializer, Alias("tandem.experiment-state")]
public sealed class ExperimentState
{
    /// <summary>The experiment as it stands; null until created.</summary>
    [Id(0)] public ExperimentView? View { get; set; }

    /// <summary>The newest version the experiments' list acknowledged (the outbox: behind <see cref="ExperimentView.Version"/> while owed).</summary>
    [Id(1)] public long Announced { get; set; }
}
