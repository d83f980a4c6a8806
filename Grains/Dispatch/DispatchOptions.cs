using Tandem.Brains.Dispatch;

namespace Tandem.Grains.Dispatch;

/// <summary>How packed delivery orders find couriers; bound from <c>Tandem:Dispatch</c>.</summary>
public sealed class DispatchOptions
{
    /// <summary>Offer packed delivery orders to couriers automatically (else operators dispatch them).</summary>
    public bool Offers { get; set; } = true;

    /// <summary>How a window chooses: the least total cost (the default) or, as a baseline, each order in turn to the nearest idle courier.</summary>
    public DispatchPolicy Policy { get; set; } = DispatchPolicy.LeastCost;

    /// <summary>
    /// Windows are opened by <c>DecideAsync</c> calls instead of timers: a simulated day drives them on its own clock
    /// (each call decides only when the zone's window has passed on that clock).
    /// </summary>
    public bool DriveWindows { get; set; }

    /// <summary>How long a courier has to accept an offer.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest window (a quiet zone): each window's offers are decided together, and declines, expiries and couriers coming free are noticed at its end.</summary>
    public TimeSpan WindowMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest window (a zone with <see cref="BusyAt"/> orders waiting or more): more orders weighed together.</summary>
    public TimeSpan WindowMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Waiting orders at which a zone's window reaches <see cref="WindowMax"/> (it grows in proportion below that).</summary>
    public int BusyAt { get; set; } = 30;

    /// <summary>The side of a dispatch zone (km). Zones are a deployment's constant: orders leave the zone they entered by it.</summary>
    public double ZoneKm { get; set; } = 4;

    /// <summary>A zone also weighs couriers this far (km) outside its edges.</summary>
    public double EdgeKm { get; set; } = 3;

    /// <summary>
    /// How many times more a carried order weighs (the load term) when the zone has as many free couriers as orders or more,
    /// falling to once as orders outnumber them: batches are how a busy zone keeps up, and only worth their delay when couriers are short.
    /// </summary>
    public double QuietLoadFactor { get; set; } = 5;

    /// <summary>An order waiting this long without a courier has its zone weigh every courier of the city, not only those near.</summary>
    public TimeSpan WidenAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>What taking a courier from a neighbouring zone with more waiting orders than free couriers costs (seconds of riding).</summary>
    public TimeSpan BusyZoneHold { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The delivery promised after packing: a drop-off later than this costs three times its lateness in a window's decision.</summary>
    public TimeSpan PromiseWithin { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>A courier whose ride to an order's pickup is longer than this is not offered it; the order waits for a nearer one.</summary>
    public TimeSpan MaxRideToPickup { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How often each courier board reads its couriers from their grains, to heal what the courier stream lost; between
    /// reads it follows the stream.
    /// </summary>
    public TimeSpan BoardRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The city's dispatch zones.</summary>
    public ZoneGrid Zones => new(ZoneKm, EdgeKm);

    /// <summary>The dispatch zone of a pickup ("r{row}c{col}").</summary>
    public string ZoneOf(Contracts.Catalog.GeoPoint pickup) => Zones.Of(Places.Of(pickup)).ToString();

    /// <summary>The window for a zone with <paramref name="waiting"/> orders: the shortest for one, the longest from <see cref="BusyAt"/>.</summary>
    public TimeSpan WindowFor(int waiting) => WindowFor(waiting, WindowMax);

    /// <summary>As above, growing to <paramref name="longest"/> instead of <see cref="WindowMax"/> (an experiment's variant).</summary>
    public TimeSpan WindowFor(int waiting, TimeSpan longest)
    {
        var shortest = longest < WindowMin ? longest : WindowMin;
        return shortest + ((longest - shortest) * Math.Clamp((waiting - 1.0) / Math.Max(1, BusyAt - 1), 0, 1));
    }
}

/// <summary>How a dispatch window chooses couriers.</summary>
public enum DispatchPolicy
{
    /// <summary>Every order of the window against every courier in reach at once, at the least total cost, batching from a pickup when cheaper.</summary>
    LeastCost = 0,

    /// <summary>The baseline: each order, oldest first, to the nearest idle courier in the city (no batches, no weather, no lateness).</summary>
    NearestIdle = 1,
}
