using System.IO.Hashing;
using System.Runtime.InteropServices;

using Tandem.Contracts.Kpis;
using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Kpis;

/// <summary>
/// A KPI grain's counts: per minute (Unix minutes) and measure, how many facts and the sum of their values, for the last
/// <see cref="RetainMinutes"/>; and the ids counted in that time (as hashes), so a fact sent again is not counted twice. Every change is
/// one <see cref="KpiFact"/>, so a journaling storage writes only the facts.
/// </summary>
[GenerateSerializer, Alias("tandem.kpi-state")]
public sealed class KpiState : JournaledState<KpiFact>
{
    /// <summary>Two days and an hour: a day's window and the day before it, and an hour for late facts.</summary>
    public const long RetainMinutes = (2 * 24 * 60) + 60;

    [Id(0)] public Dictionary<long, KpiMinute> Minutes { get; set; } = [];

    /// <summary>
    /// Ids as states kept them before <see cref="Heard"/>, with the minute each was counted in: read from such a state and
    /// moved into <see cref="Heard"/> when it is next used; empty otherwise.
    /// </summary>
    [Id(1)] public Dictionary<string, long> Seen { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest minute counted in: older minutes than <see cref="RetainMinutes"/> before it are gone.</summary>
    [Id(2)] public long Latest { get; set; } = long.MinValue;

    /// <summary>
    /// Per minute counted in, the ids counted in it as 64-bit hashes (<see cref="IdHash"/>), forgotten with that minute:
    /// eight bytes an id however long, where the id itself weighs tens. Two ids of one retention sharing a hash would
    /// count the second as the first sent again; among the 500 million ids of two days at 3,000 facts a second, the
    /// chance that any two do is under 1 %, and it costs one fact.
    /// </summary>
    [Id(3)] public Dictionary<long, List<ulong>> Heard { get; set; } = [];

    /// <summary>Every hash in <see cref="Heard"/>, for one look-up per fact (rebuilt from it when the state is read).</summary>
    [NonSerialized]
    private HashSet<ulong>? _heard;

    /// <summary>How many ids are remembered.</summary>
    public int Remembered => HeardIds().Count;

    /// <summary>The 64-bit XXH3 hash of an id's UTF-16 text (the same on every machine and in every process).</summary>
    public static ulong IdHash(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));

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
        var hash = IdHash(fact.Id);
        if ((Latest != long.MinValue && minute <= Latest - RetainMinutes) || !HeardIds().Add(hash))
        {
            return false;
        }

        if (!Minutes.TryGetValue(minute, out var counted))
        {
            Minutes[minute] = counted = new KpiMinute();
        }

        counted.Add(fact.Measure, fact.Value);
        Remember(minute, hash);
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

        var heard = HeardIds();
        foreach (var minute in Heard.Keys.Where(m => m <= before).ToList())
        {
            heard.ExceptWith(Heard[minute]);
            Heard.Remove(minute);
        }
    }

    private void Remember(long minute, ulong hash)
    {
        if (!Heard.TryGetValue(minute, out var ids))
        {
            Heard[minute] = ids = [];
        }

        ids.Add(hash);
    }

    private HashSet<ulong> HeardIds()
    {
        if (_heard is null)
        {
            var heard = new HashSet<ulong>(Heard.Values.Sum(ids => ids.Count) + Seen.Count);
            foreach (var ids in Heard.Values)
            {
                heard.UnionWith(ids);
            }

            foreach (var (id, minute) in Seen)
            {
                var hash = IdHash(id);
                if (heard.Add(hash))
                {
                    Remember(minute, hash);
                }
            }

            Seen.Clear();
            _heard = heard;
        }

        return _heard;
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
