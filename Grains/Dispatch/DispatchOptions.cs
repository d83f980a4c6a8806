namespace Tandem.Grains.Dispatch;

/// <summary>How packed delivery orders find couriers; bound from <c>Tandem:Dispatch</c>.</summary>
public sealed class DispatchOptions
{
    /// <summary>Offer packed delivery orders to couriers automatically (else operators dispatch them).</summary>
    public bool Offers { get; set; } = true;

    /// <summary>How long a courier has to accept an offer.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often waiting orders are looked at again (declines, expiries, couriers coming free): each look is a window whose offers are decided together.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The delivery promised after packing: a drop-off later than this costs three times its lateness in a window's decision.</summary>
    public TimeSpan PromiseWithin { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>A courier whose ride to an order's pickup is longer than this is not offered it; the order waits for a nearer one.</summary>
    public TimeSpan MaxRideToPickup { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How often each courier board reads its couriers from their grains, to heal what the courier stream lost; between
    /// reads it follows the stream.
    /// </summary>
    public TimeSpan BoardRefresh { get; set; } = TimeSpan.FromMinutes(1);
}
