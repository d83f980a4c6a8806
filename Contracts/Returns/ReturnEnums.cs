namespace Tandem.Contracts.Returns;

/// <summary>Why a shopper sends an item back. Damaged, defective and not as described are faults; the rest are choices.</summary>
[GenerateSerializer, Alias("tandem.return-reason")]
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
[GenerateSerializer, Alias("tandem.item-condition")]
public enum ItemCondition
{
    Unopened = 0,
    OpenedUnused = 1,
    Used = 2,
    Damaged = 3,
}

/// <summary>Where a return stands.</summary>
[GenerateSerializer, Alias("tandem.return-status")]
public enum ReturnStatus
{
    /// <summary>Saved, its pre-check made; its units are being claimed from the order.</summary>
    Requested = 0,

    /// <summary>The pre-check passed and the order holds the units for it.</summary>
    Approved = 1,

    /// <summary>Refused: by the pre-check (its rule says which) or by ops after review. Holds no units.</summary>
    Rejected = 2,

    /// <summary>Ops decide (the pre-check says what to look at); the order holds the units meanwhile.</summary>
    InReview = 3,
}
