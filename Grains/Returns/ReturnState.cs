using Tandem.Contracts.Catalog;
using Tandem.Contracts.Returns;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Returns;

namespace Tandem.Grains.Returns;

/// <summary>What a return must still ask of its order before its status is decided.</summary>
[GenerateSerializer, Alias("tandem.return-order-call")]
public enum ReturnOrderCall
{
    None = 0,

    /// <summary>Claim the units from the order.</summary>
    Claim = 1,

    /// <summary>Let the order's units go.</summary>
    Release = 2,
}

/// <summary>A consequence a return owes other grains (its outbox): written with the step that causes it, delivered until acknowledged.</summary>
[GenerateSerializer, Alias("tandem.return-duty")]
public enum ReturnDuty
{
    /// <summary>The order counts the units as back (Returned / PartiallyReturned).</summary>
    SettleOrder = 0,

    /// <summary>The demand of the cell that sold the units counts them as returned.</summary>
    RecordDemand = 1,

    /// <summary>The coupon the shopper chose is issued.</summary>
    IssueCoupon = 2,

    /// <summary>The units go back on hand in the chosen cell, once (the cell's receipt reference is the return id).</summary>
    RestockCell = 3,

    /// <summary>The returns board keeps the return's latest summary (its KPIs and attention list).</summary>
    TellBoard = 4,

    /// <summary>The pickup waits in its zone's dispatch queue, offered to couriers window by window.</summary>
    EnterDispatch = 5,

    /// <summary>The pickup leaves the dispatch queue (a courier took it, or it was handed in at a store).</summary>
    LeaveDispatch = 6,

    /// <summary>The pickup courier's job shows the item collected (on to sorting).</summary>
    CourierCollected = 7,

    /// <summary>The pickup courier's job ends (the item reached sorting).</summary>
    CourierDone = 8,

    /// <summary>Couriers whose pickup was called off (<see cref="ReturnState.CalledOff"/>) drop the job.</summary>
    CallOffCourier = 9,

    /// <summary>The coupon experiment counts the shopper as exposed to the variant whose coupon was offered (<see cref="ReturnState.CouponExperiment"/>).</summary>
    ExposeCoupon = 10,

    /// <summary>The coupon experiment counts the settlement with the coupon as the shopper's conversion.</summary>
    CountCoupon = 11,
}

[GenerateSerializer, Alias("tandem.return-state")]
public sealed class ReturnState : IDueState
{
    public const int CurrentSchema = 1;

    [Id(8)] public int Schema { get; set; } = CurrentSchema;

    /// <summary>The request as made (null: none yet). The photo is not kept: its verdict is.</summary>
    [Id(0)] public ReturnRequest? Request { get; set; }

    /// <summary>Digest of the request; another request under the same id must match it.</summary>
    [Id(1)] public string Fingerprint { get; set; } = "";

    [Id(2)] public ReturnStatus Status { get; set; }

    [Id(3)] public ReturnCheck? Check { get; set; }

    [Id(4)] public List<ReturnTransition> History { get; set; } = [];

    [Id(5)] public long Version { get; set; }

    /// <summary>The call to the order written with the change that needs it, done right after the write (the outbox).</summary>
    [Id(6)] public ReturnOrderCall Pending { get; set; }

    /// <summary>
    /// When the sweeper must wake the return: soon while a call or duty is unfinished, at the resale clock's next mark
    /// while a collected item is not back on sale; null otherwise.
    /// </summary>
    [Id(7)] public DateTimeOffset? DueAt { get; set; }

    /// <summary>The location whose cell sold the units (the order line's), where their demand is counted.</summary>
    [Id(9)] public string SaleLocationId { get; set; } = "";

    [Id(10)] public decimal UnitPrice { get; set; }

    /// <summary>Whether the reason is the item's fault (no coupon is offered then: the refund is owed).</summary>
    [Id(11)] public bool Fault { get; set; }

    [Id(12)] public string? CourierId { get; set; }

    [Id(13)] public string? StoreId { get; set; }

    [Id(14)] public DateTimeOffset? CollectedAt { get; set; }

    [Id(15)] public ReturnGrade? Grade { get; set; }

    [Id(16)] public string? RestockedTo { get; set; }

    [Id(17)] public CompensationKind? Chosen { get; set; }

    [Id(18)] public DateTimeOffset? ChosenAt { get; set; }

    [Id(19)] public ReturnSettlement? Settlement { get; set; }

    /// <summary>Duties not yet acknowledged, oldest first.</summary>
    [Id(20)] public List<ReturnDuty> Duties { get; set; } = [];

    /// <summary>The last resale alert raised (AtRisk, then Breached), if any.</summary>
    [Id(21)] public ResaleClock? Alerted { get; set; }

    /// <summary>When the item went back on sale (or was disposed).</summary>
    [Id(22)] public DateTimeOffset? ResoldAt { get; set; }

    /// <summary>Where a courier collects the item: the order's delivery address (null for an order collected in a store).</summary>
    [Id(23)] public GeoPoint? PickupFrom { get; set; }

    /// <summary>Whether the pickup was put in the dispatch queue and has not left it yet.</summary>
    [Id(24)] public bool InDispatch { get; set; }

    /// <summary>A courier being given the pickup: written before the courier is told, undone if the step did not finish.</summary>
    [Id(25)] public string? Assigning { get; set; }

    /// <summary>Couriers whose pickup was called off (replaced, or handed in at a store) and who must still drop it.</summary>
    [Id(26)] public List<string> CalledOff { get; set; } = [];

    /// <summary>By when a courier should have collected the item (approval plus <see cref="ReturnOptions.PickupWithin"/>).</summary>
    [Id(27)] public DateTimeOffset? PickupDueBy { get; set; }

    /// <summary>Whether the shopper placed an order within <see cref="ReturnOptions.RepurchaseWithin"/> of settlement (null: not known yet).</summary>
    [Id(28)] public bool? Repurchased { get; set; }

    /// <summary>
    /// How much more than the refund the coupon offered is worth, fixed when the return was requested (the running coupon
    /// experiment's variant, or the policy's); null for a return from before it was kept (the policy's applies).
    /// </summary>
    [Id(29)] public decimal? CouponUplift { get; set; }

    /// <summary>The coupon experiment's variant the shopper met with this return's offer, if any.</summary>
    [Id(30)] public ExperimentExposure? CouponExperiment { get; set; }
}
