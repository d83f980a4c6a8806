using Tandem.Contracts.Experiments;

namespace Tandem.Grains.Experiments;

[GenerateSerializer, Alias("tandem.experiment-directory-state")]
public sealed class ExperimentDirectoryState
{
    /// <summary>Each experiment's newest announced view, by id.</summary>
    [Id(0)] public Dictionary<string, ExperimentView> Experiments { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public long Version { get; set; }
}
