namespace Tandem.Grains.Orders;

/// <summary>How orders hold stock; bound from configuration section <c>Tandem:Orders</c>.</summary>
public sealed class OrderOptions
{
    /// <summary>How long an order's reservations hold before they lapse if it is never packed.</summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often a delivery order re-plans its locations when a reservation loses a race.</summary>
    public int PlaceAttempts { get; set; } = 3;
}
