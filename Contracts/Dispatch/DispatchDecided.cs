namespace Tandem.Contracts.Dispatch;

/// <summary>
/// A dispatch zone's window changed something: the offers it made (each order with its courier and why), the zone's
/// queue and its report after it. Published on <see cref="StreamNamespace"/> by the zone (entity: the zone), for the control room.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.dispatch-decided")]
public sealed record DispatchDecided
{
    public const string StreamNamespace = "tandem.dispatch";

    /// <summary>What the control room's feed calls these events (<c>OpsEvent.Kind</c>).</summary>
    public const string OpsKind = "dispatchDecided";

    [Id(0)] public required ZoneReport Zone { get; init; }

    /// <summary>The orders offered in the window, with their courier and choice.</summary>
    [Id(1)] public required IReadOnlyList<WaitingOrder> Offers { get; init; }

    /// <summary>The zone's waiting orders after the window, oldest first (at most <see cref="MaxQueue"/>).</summary>
    [Id(2)] public IReadOnlyList<WaitingOrder> Queue { get; init; } = [];

    public const int MaxQueue = 200;

    public DateTimeOffset At => Zone.At;
}
