using Tandem.Contracts.Returns;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Returns;

namespace Tandem.Grains.Returns;

/// <summary>What a return must still ask of its order.</summary>
[GenerateSerializer, Alias("tandem.return-order-call")]
public enum ReturnOrderCall
{
    None = 0,

    /// <summary>Claim the units from the order.</summary>
    Claim = 1,

    /// <summary>Let the order's units go.</summary>
    Release = 2,
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

    /// <summary>While a call to the order is pending: when the sweeper must finish it should the activation die.</summary>
    [Id(7)] public DateTimeOffset? DueAt { get; set; }
}
