using Tandem.Contracts.Sessions;
using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Sessions;

[GenerateSerializer, Alias("tandem.session-state")]
public sealed class SessionState : IDueState
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

    /// <summary>What the session's behaviour teaches the product graph, written with the events and kept until acknowledged (its outbox).</summary>
    [Id(7)] public List<PendingLesson> Lessons { get; set; } = [];

    /// <summary>When the sweeper must wake the session to deliver lessons a crash left undelivered; null when none can be.</summary>
    [Id(8)] public DateTimeOffset? DueAt { get; set; }
}
