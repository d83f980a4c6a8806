namespace Tandem.Brains.Dispatch;

/// <summary>
/// How long a courier takes between two places: the great-circle distance times <see cref="Detour"/> (streets are not
/// straight) at <see cref="KilometresPerHour"/>, slowed by <see cref="RainFactor"/> when it rains and by
/// <see cref="PeakFactor"/> in the city's rush hours (07:30–09:30 and 16:30–19:00 local time, <see cref="City"/>); and how
/// long a courier stays at each stop (<see cref="AtStops"/>).
/// </summary>
public sealed record TravelModel(double KilometresPerHour = 18, double Detour = 1.3, double RainFactor = 0.8, double PeakFactor = 0.85)
{
    private const double EarthKm = 6371.0088;

    /// <summary>How long a courier spends at a counter and at a door (<see cref="StopTimes.Street"/> unless told).</summary>
    public StopTimes AtStops { get; init; } = StopTimes.Street;

    /// <summary>The city's time zone (its rush hours are local); London unless told.</summary>
    public TimeZoneInfo City { get; init; } = LondonOrUtc();

    public static double Kilometres(Place a, Place b)
    {
        var (lat1, lat2) = (a.Lat * Math.PI / 180, b.Lat * Math.PI / 180);
        var dLat = lat2 - lat1;
        var dLon = (b.Lon - a.Lon) * Math.PI / 180;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The ride at free-flowing speed (no hour of the day), slowed by rain.</summary>
    public TimeSpan Between(Place a, Place b, bool raining) => Between(a, b, raining ? RainFactor : 1);

    /// <summary>The ride at <paramref name="at"/>: slowed by rain and by the rush hour.</summary>
    public TimeSpan Between(Place a, Place b, bool raining, DateTimeOffset at) => Between(a, b, SpeedFactor(raining, at));

    /// <summary>The ride at <paramref name="speedFactor"/> times the free-flowing speed.</summary>
    public TimeSpan Between(Place a, Place b, double speedFactor) =>
        TimeSpan.FromHours(Kilometres(a, b) * Detour / (KilometresPerHour * speedFactor));

    /// <summary>The share of the free-flowing speed at <paramref name="at"/>, in rain or not.</summary>
    public double SpeedFactor(bool raining, DateTimeOffset at) => (raining ? RainFactor : 1) * (IsRushHour(at) ? PeakFactor : 1);

    public bool IsRushHour(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, City).TimeOfDay;
        return (local >= new TimeSpan(7, 30, 0) && local < new TimeSpan(9, 30, 0)) || (local >= new TimeSpan(16, 30, 0) && local < new TimeSpan(19, 0, 0));
    }

    private static TimeZoneInfo LondonOrUtc() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var london) ? london : TimeZoneInfo.Utc;
}
