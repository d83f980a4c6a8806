using Tandem.Contracts.Kpis;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Recommendations;

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

    /// <summary>When the sweeper must wake the session: to deliver what a crash left undelivered, or to settle impressions whose window passed; null when nothing is owed.</summary>
    [Id(8)] public DateTimeOffset? DueAt { get; set; }

    /// <summary>Picks the shopper had on screen lately (the latest <see cref="MaxImpressions"/>).</summary>
    [Id(9)] public List<ShownPick> Impressions { get; set; } = [];

    /// <summary>Rewards owed to the bandit, written with the click or settlement that earned them and kept until acknowledged (its outbox).</summary>
    [Id(10)] public List<PendingReward> Rewards { get; set; } = [];

    /// <summary>The purchase intent read after the latest batch of behaviour.</summary>
    [Id(11)] public PurchaseIntent? Intent { get; set; }

    /// <summary>The experiments' variants the session met, the first time each.</summary>
    [Id(12)] public List<ExperimentExposure> Experiments { get; set; } = [];

    /// <summary>Exposures and conversions owed to experiments' tallies, written with what caused them (its outbox).</summary>
    [Id(13)] public List<PendingTally> Tallies { get; set; } = [];

    /// <summary>When the shopper last changed the session (behaviour, cart, orders), on the silo's clock.</summary>
    [Id(14)] public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>What the city's live KPIs must count (visits, conversions, impressions, clicks), written with what caused it (its outbox).</summary>
    [Id(15)] public List<KpiFact> Kpis { get; set; } = [];

    /// <summary>
    /// The region the session counts in (the dispatch zone of the location nearest the place its shopper shops for, given
    /// with its first behaviour); null when none was given. Never changes once set.
    /// </summary>
    [Id(16)] public string? Region { get; set; }

    public const int MaxImpressions = 200;
}
