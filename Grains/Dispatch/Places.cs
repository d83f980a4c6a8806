using Tandem.Brains.Dispatch;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Weather;

namespace Tandem.Grains.Dispatch;

/// <summary>The wire's positions and rain as the dispatch algorithms see them.</summary>
public static class Places
{
    public static Place Of(GeoPoint point) => new(point.Lat, point.Lon);

    /// <summary>Whether any area of rain reaches <paramref name="area"/> (a circle meets the rectangle).</summary>
    public static bool RainsOver(this IReadOnlyList<RainArea> rain, ZoneArea area) => rain.Any(r =>
    {
        var nearest = new Place(Math.Clamp(r.Lat, area.South, area.North), Math.Clamp(r.Lon, area.West, area.East));
        return TravelModel.Kilometres(nearest, new Place(r.Lat, r.Lon)) <= r.RadiusKm;
    });

    /// <summary>Whether it rains at <paramref name="at"/>.</summary>
    public static bool RainsAt(this IReadOnlyList<RainArea> rain, GeoPoint at) => rain.RainsOver(new ZoneArea(at.Lat, at.Lon, at.Lat, at.Lon));
}
