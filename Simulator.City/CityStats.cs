using System.Diagnostics.CodeAnalysis;

namespace Tandem.Simulator.City;

/// <summary>What the city has done so far, for the periodic summary line.</summary>
[SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "Counters every agent increments with Interlocked, by reference.")]
public sealed class CityStats
{
    public int Sessions;
    public int ProductViews;
    public int OrdersPlaced;
    public int OrdersRefused;
    public int Packed;
    public int Collected;
    public int OffersAccepted;
    public int OffersDeclined;
    public int Delivered;
    public int Restocks;
    public int Surveys;
    public int Errors;

    public override string ToString() =>
        $"sessions {Sessions}, views {ProductViews}, orders {OrdersPlaced} (+{OrdersRefused} refused), packed {Packed}, "
        + $"offers {OffersAccepted} accepted / {OffersDeclined} declined, delivered {Delivered}, collected {Collected}, surveys {Surveys}, restocks {Restocks}, errors {Errors}";
}
