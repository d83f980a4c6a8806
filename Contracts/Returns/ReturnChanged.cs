namespace Tandem.Contracts.Returns;

/// <summary>
/// A return moved, or its resale clock crossed a mark (<see cref="Alert"/>). Published on <see cref="StreamNamespace"/>,
/// partitioned by return id; streams notify, the return grain decides.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.return-changed")]
public sealed record ReturnChanged
{
    public const string StreamNamespace = "tandem.returns";

    /// <summary>What the control room's feed calls these events (<c>OpsEvent.Kind</c>).</summary>
    public const string OpsKind = "return";

    [Id(0)] public required ReturnView Return { get; init; }

    /// <summary>The step taken, or null for an alert.</summary>
    [Id(1)] public ReturnTransition? Transition { get; init; }

    /// <summary>Set when the item is not on sale yet and its clock passed the at-risk mark or the promise.</summary>
    [Id(2)] public ResaleClock? Alert { get; init; }

    [Id(3)] public required DateTimeOffset At { get; init; }
}
