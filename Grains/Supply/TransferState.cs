using Tandem.Contracts.Supply;

namespace Tandem.Grains.Supply;

[GenerateSerializer, Alias("tandem.transfer-state")]
public sealed class TransferState
{
    /// <summary>The transfer as asked, written before the warehouse is touched (so a retry finishes it); null until then.</summary>
    [Id(0)] public TransferView? Transfer { get; set; }

    /// <summary>The warehouse's units have left (or there is no warehouse).</summary>
    [Id(1)] public bool Shipped { get; set; }
}
