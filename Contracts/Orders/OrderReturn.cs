namespace Tandem.Contracts.Orders;

/// <summary>Units of an order line a return request holds: no other return can claim them while it does.</summary>
[GenerateSerializer, Immutable, Alias("tandem.order-return")]
public sealed record OrderReturn
{
    [Id(0)] public required string ReturnId { get; init; }

    [Id(1)] public required string Sku { get; init; }

    [Id(2)] public required int Quantity { get; init; }

    /// <summary>When the return claimed them.</summary>
    [Id(3)] public required DateTimeOffset At { get; init; }

    /// <summary>When the return was settled: the units are back and count as returned.</summary>
    [Id(4)] public DateTimeOffset? SettledAt { get; init; }
}
