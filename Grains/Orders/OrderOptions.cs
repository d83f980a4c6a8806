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

    /// <summary>How often the order's reminder looks for unfinished duties and steps (Orleans' minimum is a minute).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the reminder of an open order with nothing left to finish looks in (it is due sooner when an unpacked
    /// order's expiry is nearer): the order may then leave memory while it waits for its next step.
    /// </summary>
    public TimeSpan IdleReminderPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>First wait before an undelivered duty is tried again in a live activation (doubling up to a minute).</summary>
    public TimeSpan DutyRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A saved plan whose placement was interrupted and never retried lets its holds go after this long.</summary>
    public TimeSpan AbandonPlanAfter { get; set; } = TimeSpan.FromMinutes(2);
}
