using Tandem.Contracts.Supply;

namespace Tandem.Grains.Interfaces.Supply;

/// <summary>
/// The replenishment suggestions (one, key <see cref="Key"/>): the pending ones of the forecast planner's last round and
/// the last accepted ones; an operator accepts one with one action, which starts its transfer.
/// </summary>
public interface ISupplyPlanGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>How many accepted suggestions are kept.</summary>
    public const int KeptAccepted = 200;

    /// <summary>How many received transfers' lead times are kept.</summary>
    public const int KeptLeadTimes = 100;

    /// <summary>Replaces every pending suggestion with <paramref name="pending"/> (accepted ones stay; one already accepted is not offered again).</summary>
    Task ReplaceAsync(IReadOnlyList<SupplySuggestion> pending);

    /// <summary>
    /// Accepts a suggestion: starts its transfer (the warehouse's units leave at once) and answers it. Idempotent: accepting
    /// it again answers the same transfer. Refused when the suggestion is unknown or the warehouse no longer has the units.
    /// </summary>
    Task<AcceptAnswer> AcceptAsync(string suggestionId, string actor);

    /// <summary>
    /// What accepted suggestions still have on the way, per store cell (<c>sku@location</c>): units a store will receive
    /// and which its next suggestion must count. Asks each open transfer whether it was received, and marks those that were.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> InTransitAsync();

    /// <summary>The lead times (whole days from acceptance to receipt, at least 1) of the last received transfers, oldest first.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<int>> GetLeadTimesAsync();

    /// <summary>Pending suggestions (riskiest first), then the accepted ones (newest first).</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<SupplySuggestion>> GetAsync();
}

[GenerateSerializer, Alias("tandem.accept-refusal")]
public enum AcceptRefusal
{
    None = 0,
    Unknown = 1,
    Insufficient = 2,
}

/// <summary>The transfer an accepted suggestion started, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("tandem.accept-answer")]
public sealed record AcceptAnswer
{
    [Id(0)] public TransferView? Transfer { get; init; }

    [Id(1)] public AcceptRefusal Refused { get; init; }

    [Id(2)] public string? Detail { get; init; }
}
