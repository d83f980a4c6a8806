using Tandem.Contracts.Dispatch;

namespace Tandem.Grains.Dispatch;

[GenerateSerializer, Alias("tandem.offer-dispatcher-state")]
public sealed class OfferDispatcherState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    /// <summary>Packed delivery orders of this partition without a courier, oldest first.</summary>
    [Id(1)] public List<WaitingOrder> Waiting { get; set; } = [];
}
