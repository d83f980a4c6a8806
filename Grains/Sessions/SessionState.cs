using Tandem.Contracts.Sessions;

namespace Tandem.Grains.Sessions;

[GenerateSerializer, Alias("tandem.session-state")]
public sealed class SessionState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    /// <summary>Sku to quantity, in the order lines were first added.</summary>
    [Id(1)] public List<CartLine> Cart { get; set; } = [];

    [Id(2)] public List<BehaviourEvent> RecentEvents { get; set; } = [];

    [Id(3)] public List<string> OpenOrders { get; set; } = [];

    [Id(4)] public long EventsSeen { get; set; }

    [Id(5)] public long Version { get; set; }

    /// <summary>The shopper who owns the session: the first to use it. Never changes once set.</summary>
    [Id(6)] public string? ShopperId { get; set; }
}
