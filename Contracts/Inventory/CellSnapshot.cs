namespace Tandem.Contracts.Inventory;

/// <summary>An inventory cell's numbers at one version.</summary>
[GenerateSerializer, Immutable, Alias("tandem.cell-snapshot")]
public sealed record CellSnapshot
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required string LocationId { get; init; }

    [Id(2)] public required int OnHand { get; init; }

    /// <summary>Sum of the live (unexpired, uncommitted) reservations.</summary>
    [Id(3)] public required int Reserved { get; init; }

    /// <summary>Units that have left the cell through committed reservations and not come back.</summary>
    [Id(4)] public required int Committed { get; init; }

    [Id(5)] public Bin? Bin { get; init; }

    /// <summary>Increases by one with every change; clients drop events older than what they hold.</summary>
    [Id(6)] public required long Version { get; init; }

    [Id(7)] public required int LiveReservations { get; init; }

    /// <summary>When the units here go on sale (a flash sale); no hold is made before. Null: on sale now.</summary>
    [Id(8)] public DateTimeOffset? SaleStartsAt { get; init; }

    public int Available => OnHand - Reserved;
}
