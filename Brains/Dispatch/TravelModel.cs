namespace Tandem.Brains.Dispatch;

/// <summary>
/// How long a courier takes between two places: the great-circle distance times <see cref="Detour"/> (streets are not
/// straight) at <see cref="KilometresPerHour"/>, slowed by <see cref="RainFactor"/> when it rains.
/// </summary>
public sealed record TravelModel(double KilometresPerHour = 18, double Detour = 1.3, double RainFactor = 0.8)
{
    private const double EarthKm = 6371.0088;

    public static double Kilometres(Place a, Place b)
    {
        var (lat1, lat2) = (a.Lat * Math.PI / 180, b.Lat * Math.PI / 180);
        var dLat = lat2 - lat1;
        var dLon = (b.Lon - a.Lon) * Math.PI / 180;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public TimeSpan Between(Place a, Place b, bool raining) =>
        TimeSpan.FromHours(Kilometres(a, b) * Detour / (KilometresPerHour * (raining ? RainFactor : 1)));
}
