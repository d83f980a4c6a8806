using Tandem.Contracts.Returns;

namespace Tandem.Grains.Interfaces.Returns;

/// <summary>A shopper's request to return units of one order line.</summary>
[GenerateSerializer, Immutable, Alias("tandem.return-request")]
public sealed record ReturnRequest
{
    [Id(0)] public required string ShopperId { get; init; }

    [Id(1)] public required string OrderId { get; init; }

    [Id(2)] public required string Sku { get; init; }

    [Id(3)] public required int Quantity { get; init; }

    [Id(4)] public required ReturnReason Reason { get; init; }

    [Id(5)] public ItemCondition? Condition { get; init; }

    [Id(6)] public bool? TagsAttached { get; init; }

    /// <summary>The photo's media type, with <see cref="Photo"/>.</summary>
    [Id(7)] public string? PhotoType { get; init; }

    [Id(8)] public byte[]? Photo { get; init; }

    /// <summary>Who made the request when not the shopper (store staff at the counter, <c>ops:{id}</c>).</summary>
    [Id(9)] public string? RequestedBy { get; init; }
}

/// <summary>How a return grain answered.</summary>
[GenerateSerializer, Alias("tandem.return-outcome")]
public enum ReturnOutcome
{
    Applied = 0,

    /// <summary>The same command was already applied; the return is answered unchanged.</summary>
    Replayed = 1,

    /// <summary>No such return, or no such order of this shopper.</summary>
    NotFound = 2,

    /// <summary>The return id was used with another request.</summary>
    KeyReused = 3,

    /// <summary>Not allowed where the return stands.</summary>
    InvalidTransition = 4,

    /// <summary>The command names something that does not exist (a courier, store or location).</summary>
    Invalid = 5,
}

[GenerateSerializer, Immutable, Alias("tandem.return-result")]
public sealed record ReturnResult
{
    [Id(0)] public required ReturnOutcome Outcome { get; init; }

    [Id(1)] public ReturnView? Return { get; init; }

    [Id(2)] public string? Detail { get; init; }
}

/// <summary>
/// One return request of one order line (key: the return id). Its pre-check decides at once; units it may take back are
/// claimed from the order, which keeps any two returns from taking more than was bought.
/// </summary>
public interface IReturnGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes the request and its pre-check. Idempotent: the same request again answers the return as it stands; another
    /// request under the same id is <see cref="ReturnOutcome.KeyReused"/>. An order that is not the shopper's is
    /// <see cref="ReturnOutcome.NotFound"/>, as one that does not exist.
    /// </summary>
    Task<ReturnResult> RequestAsync(ReturnRequest request);

    /// <summary>Ops decide a return in review: approved keeps its units, rejected lets them go. Idempotent.</summary>
    Task<ReturnResult> ReviewAsync(bool approve, string actor, string? note);

    /// <summary>
    /// Records the shopper's choice of refund or coupon (a coupon only when offered: the item was not at fault), until the
    /// return is settled. <paramref name="shopperId"/> null: an operator records it for the shopper. Idempotent.
    /// </summary>
    Task<ReturnResult> ChooseCompensationAsync(CompensationKind kind, string? shopperId, string actor);

    /// <summary>A courier is to collect the approved item from the shopper (another courier replaces the one named before). Idempotent.</summary>
    Task<ReturnResult> SchedulePickupAsync(string courierId, string actor);

    /// <summary>
    /// The scheduled courier has the item: collected, the resale clock starts. Another courier's call is
    /// <see cref="ReturnOutcome.NotFound"/> and changes nothing. Idempotent.
    /// </summary>
    Task<ReturnResult> CollectByCourierAsync(string courierId, string actor);

    /// <summary>The shopper handed the approved item in at a store (a scheduled pickup is called off): collected. Idempotent.</summary>
    Task<ReturnResult> HandInAtStoreAsync(string storeId, string actor);

    /// <summary>A courier-collected item reached the sorting centre. Idempotent.</summary>
    Task<ReturnResult> ArriveAtSortingAsync(string actor);

    /// <summary>
    /// Grades the item at the sorting centre, or at the counter of the store it was handed in at (<paramref name="storeId"/>:
    /// the grading store; another store is <see cref="ReturnOutcome.NotFound"/>), and settles the return: the refund or
    /// the chosen coupon, the order and the demand told. Grade C also disposes of the item. Idempotent for the same grade.
    /// </summary>
    Task<ReturnResult> GradeAsync(ReturnGrade grade, string? storeId, string actor, string? note);

    /// <summary>Puts an A or B item back on sale in the cell of <paramref name="locationId"/>, once. Idempotent for the same location.</summary>
    Task<ReturnResult> PutAwayAsync(string locationId, string actor);

    /// <summary>
    /// Finishes what an interrupted activation left (a claim or release, undelivered duties) and raises the resale clock's
    /// alerts when due; called by the sweeper. Idempotent.
    /// </summary>
    Task CatchUpAsync();

    [ReadOnly]
    Task<ReturnView?> GetAsync();
}
