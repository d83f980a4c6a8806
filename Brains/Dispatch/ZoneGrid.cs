using System.Globalization;

namespace Tandem.Brains.Dispatch;

/// <summary>A zone of the city's grid: row (south to north) and column (west to east); written "r{row}c{col}".</summary>
public readonly record struct ZoneKey(int Row, int Col)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"r{Row}c{Col}");

    public static bool TryParse(string? text, out ZoneKey zone)
    {
        zone = default;
        var c = text?.IndexOf('c', StringComparison.Ordinal) ?? -1;
        if (text is not { Length: >= 4 } || text[0] != 'r' || c < 2
            || !int.TryParse(text.AsSpan(1, c - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var row)
            || !int.TryParse(text.AsSpan(c + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var col))
        {
            return false;
        }

        zone = new ZoneKey(row, col);
        return zone.ToString() == text;
    }
}

/// <summary>A zone's extent in degrees.</summary>
public readonly record struct ZoneArea(double South, double West, double North, double East)
{
    public bool Contains(Place p) => p.Lat >= South && p.Lat < North && p.Lon >= West && p.Lon < East;

    public Place Centre => new((South + North) / 2, (West + East) / 2);
}

/// <summary>
/// The city cut into square zones of <see cref="ZoneKm"/> a side, anchored to the meridians and parallels so the same
/// place is in the same zone in any city: rows are bands of latitude, and each row is cut into columns at its own
/// mid-latitude. A zone also weighs the couriers within <see cref="EdgeKm"/> of its edges.
/// </summary>
public sealed record ZoneGrid(double ZoneKm = 4, double EdgeKm = 3)
{
    private const double KmPerDegreeLat = 111.32;

    public ZoneKey Of(Place p)
    {
        var row = (int)Math.Floor(p.Lat * KmPerDegreeLat / ZoneKm);
        return new ZoneKey(row, (int)Math.Floor(p.Lon * KmPerDegreeLon(row) / ZoneKm));
    }

    public ZoneArea Area(ZoneKey zone)
    {
        var perLon = KmPerDegreeLon(zone.Row);
        return new ZoneArea(
            zone.Row * ZoneKm / KmPerDegreeLat, zone.Col * ZoneKm / perLon, (zone.Row + 1) * ZoneKm / KmPerDegreeLat, (zone.Col + 1) * ZoneKm / perLon);
    }

    /// <summary>The zone's area widened by <see cref="EdgeKm"/> on every side: where the couriers it weighs are.</summary>
    public ZoneArea Reach(ZoneKey zone)
    {
        var area = Area(zone);
        var (dLat, dLon) = (EdgeKm / KmPerDegreeLat, EdgeKm / KmPerDegreeLon(zone.Row));
        return new ZoneArea(area.South - dLat, area.West - dLon, area.North + dLat, area.East + dLon);
    }

    private double KmPerDegreeLon(int row) => KmPerDegreeLat * Math.Cos((row + 0.5) * ZoneKm / KmPerDegreeLat * Math.PI / 180);
}
