namespace Tandem.Grains.Dispatch;

/// <summary>How packed delivery orders find couriers; bound from <c>Tandem:Dispatch</c>.</summary>
public sealed class DispatchOptions
{
    /// <summary>Offer packed delivery orders to couriers automatically (else operators dispatch them).</summary>
    public bool Offers { get; set; } = true;

    /// <summary>How long a courier has to accept an offer.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often waiting orders are looked at again (declines, expiries, couriers coming free).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often each courier board reads its couriers from their grains, to heal what the courier stream lost; between
    /// reads it follows the stream.
    /// </summary>
    public TimeSpan BoardRefresh { get; set; } = TimeSpan.FromMinutes(1);
}
