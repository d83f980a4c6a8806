namespace Tandem.Grains.Orders;

/// <summary>How orders hold stock; bound from configuration section <c>Tandem:Orders</c>.</summary>
public sealed class OrderOptions
{
    /// <summary>How long an order's reservations hold before they lapse if it is never packed.</summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often a delivery order re-plans its locations when a reservation loses a race.</summary>
    public int PlaceAttempts { get; set; } = 3;

    /// <summary>How many units one shopper may hold at once in orders not yet packed (past it: 409).</summary>
    public int MaxReservedUnitsPerShopper { get; set; } = 500;

    /// <summary>An order not packed this long after it was placed expires: its holds are released.</summary>
    public TimeSpan UnpackedExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long after a write that leaves a duty or step unfinished the order is due: should its activation die
    /// before finishing them, the sweeper wakes it then.
    /// </summary>
    public TimeSpan CatchUpAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the order sweeper asks the grain storage for due orders (a due order waits at most this long).</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most orders one sweep wakes (earliest due first); the rest wait for the next sweep.</summary>
    public int SweepBatch { get; set; } = 1000;

    /// <summary>
    /// The longest a sweep waits for one grain's catch-up: a grain that does not answer by then (its storage hangs, it
    /// waits on another) stays due for the next sweep and does not hold back the grains after it.
    /// </summary>
    public TimeSpan CatchUpWithin { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before an undelivered duty is tried again in a live activation (doubling up to a minute).</summary>
    public TimeSpan DutyRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A saved plan whose placement was interrupted and never retried lets its holds go after this long.</summary>
    public TimeSpan AbandonPlanAfter { get; set; } = TimeSpan.FromMinutes(2);
}
