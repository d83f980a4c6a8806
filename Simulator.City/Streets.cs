using Tandem.Contracts.Catalog;

namespace Tandem.Simulator.City;

/// <summary>
/// Movement through the city's street grid: a ride goes along one axis, then the other (as blocks force it to),
/// at the rider's speed.
/// </summary>
public static class Streets
{
    private const double KmPerDegreeLat = 111.32;

    /// <summary>East-west kilometres per degree at London's latitude; a city is small enough for one value.</summary>
    private static readonly double KmPerDegreeLon = KmPerDegreeLat * Math.Cos(51.5 * Math.PI / 180);

    /// <summary>Where a rider at <paramref name="from"/> heading for <paramref name="to"/> is after <paramref name="km"/> kilometres.</summary>
    public static GeoPoint Advance(GeoPoint from, GeoPoint to, double km)
    {
        var latKm = (to.Lat - from.Lat) * KmPerDegreeLat;
        if (Math.Abs(latKm) > 1e-6)
        {
            var step = Math.Min(Math.Abs(latKm), km);
            var lat = from.Lat + Math.Sign(latKm) * step / KmPerDegreeLat;
            var left = km - step;
            return left <= 0 ? new GeoPoint { Lat = lat, Lon = from.Lon } : Advance(new GeoPoint { Lat = to.Lat, Lon = from.Lon }, to, left);
        }

        var lonKm = (to.Lon - from.Lon) * KmPerDegreeLon;
        var lonStep = Math.Min(Math.Abs(lonKm), km);
        return new GeoPoint { Lat = to.Lat, Lon = from.Lon + Math.Sign(lonKm) * lonStep / KmPerDegreeLon };
    }

    /// <summary>Street distance (along the grid) between two points.</summary>
    public static double Km(GeoPoint a, GeoPoint b) =>
        Math.Abs(a.Lat - b.Lat) * KmPerDegreeLat + Math.Abs(a.Lon - b.Lon) * KmPerDegreeLon;

    public static bool Arrived(GeoPoint at, GeoPoint target) => Km(at, target) < 0.005;

    /// <summary>A random address in inner London.</summary>
    public static GeoPoint Address(Random random) => new() { Lat = 51.47 + random.NextDouble() * 0.09, Lon = -0.21 + random.NextDouble() * 0.2 };
}
