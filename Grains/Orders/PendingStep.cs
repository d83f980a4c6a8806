namespace Tandem.Grains.Orders;

/// <summary>A step that calls other grains before the order can save its outcome.</summary>
[GenerateSerializer, Alias("tandem.order-step-kind")]
public enum PendingStepKind
{
    /// <summary>Giving the stock back (release or restock) and freeing the courier, then Cancelled.</summary>
    Cancelling = 0,

    /// <summary>Assigning <see cref="PendingStep.CourierId"/>, then Dispatched.</summary>
    Dispatching = 1,
}

/// <summary>
/// A step saved before its first call to another grain, so that a failure at any point is finished on retry (or by
/// the order's reminder) instead of leaving stock or a courier changed under an order that does not know it.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.order-pending-step")]
public sealed record PendingStep
{
    [Id(0)] public required PendingStepKind Kind { get; init; }

    [Id(1)] public required string Actor { get; init; }

    [Id(2)] public string? Reason { get; init; }

    [Id(3)] public string? CourierId { get; init; }
}
