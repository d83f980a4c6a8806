using Tandem.Contracts.Recommendations;

namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>The products being promoted (one grain, key <see cref="Key"/>): few, read by every recommender, set by ops and by the supply chain.</summary>
public interface IPromotionsGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>The most promotions running at once.</summary>
    public const int MaxPromotions = 200;

    /// <summary>
    /// Promotes <paramref name="sku"/> (replacing its promotion, if any) and answers it, or why not: the catalog has no
    /// such product, or <see cref="MaxPromotions"/> are running and this would be a new one. Promoting it again with the
    /// same reason, source and end changes nothing.
    /// </summary>
    Task<PromoteAnswer> PromoteAsync(string sku, string reason, string source, DateTimeOffset? until);

    /// <summary>Ends <paramref name="sku"/>'s promotion; false when it had none. Idempotent.</summary>
    Task<bool> EndAsync(string sku);

    /// <summary>The promotions running now (those whose end passed are left out).</summary>
    [ReadOnly]
    Task<Promotions> GetAsync();
}

[GenerateSerializer, Alias("tandem.promote-refusal")]
public enum PromoteRefusal
{
    None = 0,
    UnknownProduct = 1,
    TooMany = 2,
}

/// <summary>The promotion now running, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("tandem.promote-answer")]
public sealed record PromoteAnswer
{
    [Id(0)] public Promotion? Promotion { get; init; }

    [Id(1)] public PromoteRefusal Refused { get; init; }
}
