namespace Tandem.Contracts.Returns;

/// <summary>One step in a return's history.</summary>
[GenerateSerializer, Immutable, Alias("tandem.return-transition")]
public sealed record ReturnTransition
{
    [Id(0)] public ReturnStatus? From { get; init; }

    [Id(1)] public required ReturnStatus To { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>A shopper, operator or <c>system</c>.</summary>
    [Id(3)] public required string Actor { get; init; }

    [Id(4)] public string? Note { get; init; }
}

/// <summary>What the pre-check decided: approved, rejected or in review, the rule that decided, and why.</summary>
[GenerateSerializer, Immutable, Alias("tandem.return-check")]
public sealed record ReturnCheck
{
    [Id(0)] public required ReturnStatus Verdict { get; init; }

    /// <summary>received, quantity, window, condition, sealed, unused, tags, evidence, or passed.</summary>
    [Id(1)] public required string Rule { get; init; }

    [Id(2)] public required string Reason { get; init; }
}

/// <summary>A return request of one order line, as clients see it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.return-view")]
public sealed record ReturnView
{
    [Id(0)] public required string ReturnId { get; init; }

    [Id(1)] public required string OrderId { get; init; }

    [Id(2)] public required string ShopperId { get; init; }

    [Id(3)] public required string Sku { get; init; }

    [Id(4)] public required int Quantity { get; init; }

    [Id(5)] public required ReturnReason Reason { get; init; }

    [Id(6)] public ItemCondition? Condition { get; init; }

    [Id(7)] public bool? TagsAttached { get; init; }

    [Id(8)] public required ReturnStatus Status { get; init; }

    [Id(9)] public required ReturnCheck Check { get; init; }

    [Id(10)] public required IReadOnlyList<ReturnTransition> History { get; init; }

    [Id(11)] public required long Version { get; init; }
}
