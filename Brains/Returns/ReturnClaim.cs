namespace Tandem.Brains.Returns;

/// <summary>Why a shopper sends an item back. The first three are about the item's quality; the rest are not.</summary>
public enum ReturnReason
{
    Damaged = 0,
    Defective = 1,
    NotAsDescribed = 2,
    ChangedMind = 3,
    WrongSize = 4,
    NoLongerNeeded = 5,
}

/// <summary>The condition the shopper declares the item is in.</summary>
public enum ItemCondition
{
    Unopened = 0,
    OpenedUnused = 1,
    Used = 2,
    Damaged = 3,
}

/// <summary>What the evidence check made of the photo sent with a return request.</summary>
public enum EvidenceOutcome
{
    /// <summary>The photo shows what the request says.</summary>
    Accepted = 0,

    /// <summary>Ops must look at it (the reason says why).</summary>
    Doubtful = 1,

    /// <summary>No usable photo (the reason says why).</summary>
    Refused = 2,
}

public sealed record EvidenceVerdict(EvidenceOutcome Outcome, string Reason)
{
    public static readonly EvidenceVerdict Accept = new(EvidenceOutcome.Accepted, "");
}

/// <summary>
/// One order line's return request as the pre-check sees it: the order line (category, units bought, units already
/// returned or being returned), when the order was delivered or collected (null: not yet), what the shopper declares, and
/// the evidence check's verdict on the photo.
/// </summary>
public sealed record ReturnClaim
{
    public required string Category { get; init; }

    /// <summary>When the shopper got the goods (delivered or collected); null while they have not.</summary>
    public required DateTimeOffset? ReceivedAt { get; init; }

    public required int Bought { get; init; }

    /// <summary>Units of the line in earlier return requests not rejected.</summary>
    public required int AlreadyReturned { get; init; }

    public required int Quantity { get; init; }

    public required ReturnReason Reason { get; init; }

    /// <summary>Declared condition; null when the shopper did not declare one.</summary>
    public required ItemCondition? Condition { get; init; }

    /// <summary>Whether the item's tags are still attached; null when not declared.</summary>
    public required bool? TagsAttached { get; init; }

    public required EvidenceVerdict Evidence { get; init; }

    /// <summary>When the request is made.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Damaged, defective or not as described: the shop's fault, not the shopper's choice.</summary>
    public bool IsQuality => IsFault(Reason);

    /// <summary>Whether <paramref name="reason"/> is a fault of the item rather than the shopper's choice.</summary>
    public static bool IsFault(ReturnReason reason) => reason is ReturnReason.Damaged or ReturnReason.Defective or ReturnReason.NotAsDescribed;
}
