namespace Tandem.Contracts.Sessions;

/// <summary>
/// How likely a session is to buy, as the served model read its behaviour after the latest batch: for the whole session
/// and for the products and categories it engaged with lately (the model reading only their events). The model's
/// version travels with every score.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.purchase-intent")]
public sealed record PurchaseIntent
{
    /// <summary>The session's score: a trained model's probability of buying, or the baseline's views ÷ (views + 5).</summary>
    [Id(0)] public required double Score { get; init; }

    /// <summary>The model's name, e.g. <c>gradient-boosted trees (LightGBM)</c> or <c>number of views</c>.</summary>
    [Id(1)] public required string Model { get; init; }

    /// <summary>The model's version: <c>yyyyMMdd-HHmmss-hash</c> of a trained model, or <c>baseline-views</c>.</summary>
    [Id(2)] public required string ModelVersion { get; init; }

    /// <summary>Per product, the latest engaged first (at most 5).</summary>
    [Id(3)] public required IReadOnlyList<IntentOf> Products { get; init; }

    /// <summary>Per category, the most engaged first (at most 3).</summary>
    [Id(4)] public required IReadOnlyList<IntentOf> Categories { get; init; }

    /// <summary>How many of the session's recent events the model read.</summary>
    [Id(5)] public required int Events { get; init; }

    [Id(6)] public required DateTimeOffset At { get; init; }
}

/// <summary>A purchase-intent score of one product or category.</summary>
[GenerateSerializer, Immutable, Alias("tandem.intent-of")]
public sealed record IntentOf
{
    /// <summary>The sku or category.</summary>
    [Id(0)] public required string Key { get; init; }

    [Id(1)] public required double Score { get; init; }
}
