using System.Diagnostics.Metrics;

namespace Tandem.Grains.Infrastructure;

/// <summary>Tandem's own measurements, published on the <c>Tandem</c> meter (exported at /metrics).</summary>
public static class TandemMetrics
{
    public const string MeterName = "Tandem";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Reservation attempts at inventory cells, by outcome (applied, replayed, insufficient, conflict).</summary>
    public static readonly Counter<long> Reservations =
        Meter.CreateCounter<long>("tandem.inventory.reservations", unit: "{reservation}", description: "Reservation attempts by outcome");

    /// <summary>Orders entering each state (tag <c>state</c>).</summary>
    public static readonly Counter<long> OrderTransitions =
        Meter.CreateCounter<long>("tandem.orders.transitions", unit: "{order}", description: "Orders entering each state");

    /// <summary>Orders the sweeper woke because their due time came (a duty or step left unfinished, an expiry) and that caught up.</summary>
    public static readonly Counter<long> OrdersCaughtUp =
        Meter.CreateCounter<long>("tandem.orders.caught_up", unit: "{order}", description: "Due orders woken by the sweeper that caught up");

    /// <summary>Each request to a push service, by its HTTP status (tag <c>status</c>, 0: no answer) and host (<c>service</c>).</summary>
    public static readonly Counter<long> PushSent =
        Meter.CreateCounter<long>("tandem.push.sent", unit: "{message}", description: "Web Push requests, by the push service's HTTP status (0: unreachable) and host");

    /// <summary>
    /// What became of each push message, after any retry (tag <c>outcome</c>: delivered, gone — the subscription was
    /// dropped —, refused — the push service said no —, failed — it kept failing, or did not answer in time; tag
    /// <c>service</c>: the push service's host and port).
    /// </summary>
    public static readonly Counter<long> PushOutcomes =
        Meter.CreateCounter<long>("tandem.push.outcomes", unit: "{message}", description: "Web Push messages by what became of them");

    /// <summary>Time from a grain publishing an event to the Api relaying it to SignalR.</summary>
    public static readonly Histogram<double> StreamLag =
        Meter.CreateHistogram<double>("tandem.stream.lag", unit: "ms", description: "Event age when the Api relays it");
}
