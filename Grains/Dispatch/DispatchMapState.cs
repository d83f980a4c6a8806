namespace Tandem.Grains.Dispatch;

[GenerateSerializer, Alias("tandem.dispatch-map-state")]
public sealed class DispatchMapState
{
    /// <summary>Every zone that has had an order to dispatch.</summary>
    [Id(0)] public SortedSet<string> Zones { get; set; } = new(StringComparer.Ordinal);
}
