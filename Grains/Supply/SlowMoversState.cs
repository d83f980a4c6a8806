using Tandem.Contracts.Supply;

namespace Tandem.Grains.Supply;

[GenerateSerializer, Alias("tandem.slow-movers-state")]
public sealed class SlowMoversState
{
    /// <summary>Flagged SKUs, newest first.</summary>
    [Id(0)] public List<SlowMoverView> Flagged { get; set; } = [];
}
