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

    /// <summary>A courier is to collect the item from the shopper.</summary>
    PickupScheduled = 4,

    /// <summary>The item is in Tandem's hands: the courier picked it up, or the shopper handed it in at a store. The 72 h resale clock starts.</summary>
    Collected = 5,

    /// <summary>At the sorting centre, waiting to be graded.</summary>
    AtSorting = 6,

    /// <summary>Graded (A, B or C) and settled: the refund or coupon is due, the order counts the units as returned.</summary>
    Graded = 7,

    /// <summary>Back on sale: put into an inventory cell (grade A or B).</summary>
    Restocked = 8,

    /// <summary>Sent to liquidation or disposal (grade C).</summary>
    Disposed = 9,
}

/// <summary>What an item is fit for after inspection.</summary>
[GenerateSerializer, Alias("tandem.return-grade")]
public enum ReturnGrade
{
    /// <summary>As new: back on sale.</summary>
    A = 0,

    /// <summary>Sellable with a flaw: back on sale through an outlet location.</summary>
    B = 1,

    /// <summary>Not sellable: liquidation or disposal.</summary>
    C = 2,
}

/// <summary>How the shopper is compensated.</summary>
[GenerateSerializer, Alias("tandem.compensation-kind")]
public enum CompensationKind
{
    /// <summary>The money back.</summary>
    Refund = 0,

    /// <summary>A next-purchase coupon worth more than the refund (offered for returns that are not the item's fault).</summary>
    Coupon = 1,
}

/// <summary>Where a return stands against the resale promise (collection to back on sale within the configured hours).</summary>
[GenerateSerializer, Alias("tandem.resale-clock")]
public enum ResaleClock
{
    /// <summary>Not collected yet: the clock has not started.</summary>
    NotStarted = 0,

    OnTrack = 1,

    /// <summary>Past the at-risk mark and not on sale yet.</summary>
    AtRisk = 2,

    /// <summary>Past the promise and not on sale yet.</summary>
    Breached = 3,

    /// <summary>Back on sale before the promise ran out.</summary>
    Met = 4,

    /// <summary>Back on sale after the promise.</summary>
    Missed = 5,

    /// <summary>Graded C, or the return ended without the item (rejected): no resale.</summary>
    NotApplicable = 6,
}
