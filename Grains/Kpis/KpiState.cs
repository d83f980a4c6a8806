using Tandem.Contracts.Kpis;
using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Kpis;

/// <summary>
/// A KPI grain's counts: per minute (Unix minutes) and measure, how many facts and the sum of their values, for the last
/// <see cref="RetainMinutes"/>; and the ids counted in that time, so a fact sent again is not counted twice. Every change is
/// one <see cref="KpiFact"/>, so a journaling storage writes only the facts.
/// </summary>
[GenerateSerializer, Alias("tandem.kpi-state")]
public sealed class KpiState : JournaledState<KpiFact>
{
    /// <summary>Two days and an hour: a day's window and the day before it, and an hour for late facts.</summary>
    public const long RetainMinutes = (2 * 24 * 60) + 60;

    [Id(0)] public Dictionary<long, KpiMinute> Minutes { get; set; } = [];

    /// <summary>The ids counted, with the minute each was counted in (forgotten with that minute).</summary>
    [Id(1)] public Dictionary<string, long> Seen { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest minute counted in: older minutes than <see cref="RetainMinutes"/> before it are gone.</summary>
    [Id(2)] public long Latest { get; set; } = long.MinValue;

    public static long MinuteOf(DateTimeOffset at) => (long)Math.Floor(at.ToUnixTimeMilliseconds() / 60_000d);

    /// <summary>Counts and sums per measure over minutes <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public KpiTotals Totals(long from, long to)
    {
        var totals = new KpiTotals();
        if (to - from <= Minutes.Count)
        {
            for (var minute = from; minute < to; minute++)
            {
                if (Minutes.TryGetValue(minute, out var counted))
                {
                    totals.Add(counted);
                }
            }
        }
        else
        {
            foreach (var (minute, counted) in Minutes)
            {
                if (minute >= from && minute < to)
                {
                    totals.Add(counted);
                }
            }
        }

        return totals;
    }

    protected override bool Evolve(KpiFact fact)
    {
        var minute = MinuteOf(fact.At);
        if ((Latest != long.MinValue && minute <= Latest - RetainMinutes) || Seen.ContainsKey(fact.Id))
        {
            return false;
        }

        if (!Minutes.TryGetValue(minute, out var counted))
        {
            Minutes[minute] = counted = new KpiMinute();
        }

        counted.Add(fact.Measure, fact.Value);
        Seen[fact.Id] = minute;
        if (minute > Latest)
        {
            Latest = minute;
            Forget(minute - RetainMinutes);
        }

        return true;
    }

    private void Forget(long before)
    {
        foreach (var minute in Minutes.Keys.Where(m => m <= before).ToList())
        {
            Minutes.Remove(minute);
        }

        foreach (var id in Seen.Where(s => s.Value <= before).Select(s => s.Key).ToList())
        {
            Seen.Remove(id);
        }
    }
}

/// <summary>One minute's counts and sums, indexed by <see cref="KpiMeasure"/>.</summary>
[GenerateSerializer, Alias("tandem.kpi-minute")]
public sealed class KpiMinute
{
    public static readonly int Measures = Enum.GetValues<KpiMeasure>().Length;

    [Id(0)] public long[] Counts { get; set; } = new long[Measures];

    [Id(1)] public double[] Sums { get; set; } = new double[Measures];

    public void Add(KpiMeasure measure, double value)
    {
        if (Counts.Length < Measures)
        {
            (Counts, Sums) = ([.. Counts, .. new long[Measures - Counts.Length]], [.. Sums, .. new double[Measures - Sums.Length]]);
        }

        Counts[(int)measure]++;
        Sums[(int)measure] += value;
    }
}

/// <summary>Counts and sums per measure over a span of minutes.</summary>
public sealed class KpiTotals
{
    private readonly long[] _counts = new long[KpiMinute.Measures];
    private readonly double[] _sums = new double[KpiMinute.Measures];

    public long Count(KpiMeasure measure) => _counts[(int)measure];

    public double Sum(KpiMeasure measure) => _sums[(int)measure];

    public void Add(KpiMinute minute)
    {
        for (var i = 0; i < Math.Min(minute.Counts.Length, _counts.Length); i++)
        {
            _counts[i] += minute.Counts[i];
            _sums[i] += minute.Sums[i];
        }
    }
}
