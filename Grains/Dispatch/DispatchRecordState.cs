using Tandem.Contracts.Dispatch;

namespace Tandem.Grains.Dispatch;

[GenerateSerializer, Alias("tandem.dispatch-record-state")]
public sealed class DispatchRecordState
{
    /// <summary>The order's decisions, oldest first (the newest <see cref="DispatchRecordGrain.MaxDecisions"/>).</summary>
    [Id(0)] public List<DispatchChoice> Decisions { get; set; } = [];
}
