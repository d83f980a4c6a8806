namespace Tandem.Contracts.Catalog;

/// <summary>A point on Earth in degrees (WGS 84).</summary>
[GenerateSerializer, Immutable, Alias("tandem.geo-point")]
public sealed record GeoPoint
{
    private const double EarthRadiusKm = 6371.0088;

    [Id(0)] public required double Lat { get; init; }

    [Id(1)] public required double Lon { get; init; }

    /// <summary>True when latitude is within [-90, 90] and longitude within [-180, 180].</summary>
    public static bool IsValid(double lat, double lon) =>
        double.IsFinite(lat) && double.IsFinite(lon) && lat is >= -90 and <= 90 && lon is >= -180 and <= 180;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public double DistanceKm(GeoPoint other)
    {
        var dLat = DegreesToRadians(other.Lat - Lat);
        var dLon = DegreesToRadians(other.Lon - Lon);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(DegreesToRadians(Lat)) * Math.Cos(DegreesToRadians(other.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
