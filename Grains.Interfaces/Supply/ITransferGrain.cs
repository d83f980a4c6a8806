using Tandem.Contracts.Supply;

namespace Tandem.Grains.Interfaces.Supply;

/// <summary>One movement of stock to a store (key: the transfer id), from a warehouse or a supplier.</summary>
public interface ITransferGrain : IGrainWithStringKey
{
    /// <summary>
    /// Ships: the warehouse's units leave it (held and committed under the transfer's id, so asking again takes them once);
    /// a supplier's order only records itself. Idempotent; refused (nothing changes) when the warehouse lacks the units or
    /// the id was used for another transfer.
    /// </summary>
    Task<TransferAnswer> StartAsync(TransferView order);

    /// <summary>The units arrive: the store's cell receives them under the transfer's id, once however often it is asked.</summary>
    Task<TransferAnswer> ReceiveAsync(string actor);

    [ReadOnly, AlwaysInterleave]
    Task<TransferView?> GetAsync();
}

/// <summary>The transfer now, or why not.</summary>
[GenerateSerializer, Immutable, Alias("tandem.transfer-answer")]
public sealed record TransferAnswer
{
    [Id(0)] public TransferView? Transfer { get; init; }

    /// <summary>Why it was refused (null when it was not).</summary>
    [Id(1)] public string? Refused { get; init; }

    /// <summary>No such transfer.</summary>
    [Id(2)] public bool Unknown { get; init; }
}
