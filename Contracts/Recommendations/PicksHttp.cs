namespace Tandem.Contracts.Recommendations;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name.

/// <summary>The picks of the list made for session version <c>Version</c> that the shopper had on screen.</summary>
public sealed record PicksShownRequest(long? Version, IReadOnlyList<string?>? Skus);

/// <summary>How many of the reported picks the session now holds as shown.</summary>
public sealed record PicksShown(int Recorded);

/// <summary>A click on a shown pick of the list made for session version <c>Version</c>.</summary>
public sealed record PickClickRequest(long? Version, string? Sku);

/// <summary>Promote a product (<c>PUT /api/promotions/{sku}</c>): why, and until when (optional, in the future).</summary>
public sealed record PromotionRequest(string? Reason, DateTimeOffset? Until);
