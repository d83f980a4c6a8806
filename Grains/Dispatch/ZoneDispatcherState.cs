using Tandem.Contracts.Dispatch;
using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Dispatch;

[GenerateSerializer, Alias("tandem.zone-dispatcher-state")]
public sealed class ZoneDispatcherState : IDueState
{
    /// <summary>Packed delivery orders of this zone without a courier, oldest first.</summary>
    [Id(0)] public List<WaitingOrder> Waiting { get; set; } = [];

    /// <summary>Whether the city's dispatch map knows this zone.</summary>
    [Id(1)] public bool OnMap { get; set; }

    /// <summary>While orders wait: a little after the last write, so the sweeper wakes a zone whose silo died.</summary>
    [Id(2)] public DateTimeOffset? DueAt { get; set; }
}
