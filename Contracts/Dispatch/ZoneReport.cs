namespace Tandem.Contracts.Dispatch;

/// <summary>
/// A dispatch zone's last window: its waiting orders (of which offered), the couriers it weighed, whether it rained,
/// the window's length and decisions, and how long its orders have waited for a courier's yes.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.zone-report")]
public sealed record ZoneReport
{
    [Id(0)] public required string Zone { get; init; }

    [Id(1)] public required DateTimeOffset At { get; init; }

    [Id(2)] public required int Waiting { get; init; }

    [Id(3)] public required int Offered { get; init; }

    /// <summary>Couriers in or near the zone with room and no open offer.</summary>
    [Id(4)] public required int FreeCouriers { get; init; }

    [Id(5)] public required double WindowSeconds { get; init; }

    [Id(6)] public required bool Raining { get; init; }

    /// <summary>Offers the window made.</summary>
    [Id(7)] public required int Decided { get; init; }

    /// <summary>The zone's centre and extent, for the map.</summary>
    [Id(8)] public required double South { get; init; }

    [Id(9)] public required double West { get; init; }

    [Id(10)] public required double North { get; init; }

    [Id(11)] public required double East { get; init; }

    /// <summary>From packed to a courier's yes, over the zone's last 100 accepted orders (seconds; null before any).</summary>
    [Id(12)] public double? MeanAssignSeconds { get; init; }

    [Id(13)] public double? P95AssignSeconds { get; init; }

    /// <summary>Waiting orders per free courier: above 1 the zone keeps its couriers.</summary>
    public double Pressure => FreeCouriers == 0 ? Waiting : (double)Waiting / FreeCouriers;
}
