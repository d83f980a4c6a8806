using Tandem.Contracts.Catalog;

namespace Tandem.Contracts.Couriers;

/// <summary>
/// One stop of a courier's route, in the order to ride them: collect an order at its pickup or drop it off, where, and
/// when the courier should get there (planned from the courier's last position at its time, with rain and the rush hour).
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.courier-stop")]
public sealed record CourierStop
{
    [Id(0)] public required string OrderId { get; init; }

    [Id(1)] public required bool IsPickup { get; init; }

    /// <summary>The pickup's location id (stops to collect only).</summary>
    [Id(2)] public string? LocationId { get; init; }

    [Id(3)] public required GeoPoint Position { get; init; }

    [Id(4)] public required DateTimeOffset Eta { get; init; }

    /// <summary>When the drop-off was promised (drop-offs only, when known).</summary>
    [Id(5)] public DateTimeOffset? PromisedBy { get; init; }
}
