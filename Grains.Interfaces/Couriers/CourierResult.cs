using Tandem.Contracts.Couriers;

namespace Tandem.Grains.Interfaces.Couriers;

[GenerateSerializer, Immutable, Alias("tandem.courier-result")]
public sealed record CourierResult
{
    [Id(0)] public required CourierOutcome Outcome { get; init; }

    [Id(1)] public CourierView? Courier { get; init; }

    [Id(2)] public string? Detail { get; init; }

    /// <summary>An answered offer's kind (the caller then dispatches the order, or schedules the return's pickup).</summary>
    [Id(3)] public CourierJobKind? Answered { get; init; }

    public bool Succeeded => Outcome is CourierOutcome.Applied or CourierOutcome.Replayed or CourierOutcome.Stale;
}
