using Tandem.Contracts.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>
/// What each indicator divides by what over the window: sums of facts' values (<c>Σ</c>), counts of facts (<c>#</c>), or means
/// (<c>Σ / #</c>, for the stock census's samples). NPS = 100 × Σ survey / # survey (promoters +1, detractors −1); return rate =
/// # returns / # orders fulfilled; on time = Σ delivery / # delivery; conversion = # sessions that ordered / # sessions; average
/// order value = Σ order / # order; recommendation CTR = # clicks / # settled impressions; packing fill = Σ goods litres / Σ box
/// litres; stock-out rate = Σ cells out / Σ cells counted (the share of the census's cells with nothing to sell, averaged over
/// its samples); inventory turnover = Σ units ordered / mean units on hand, in turns a year at the window's pace; orders = # orders
/// placed; reservations = # order lines that held their units.
/// </summary>
public static class KpiIndicators
{
    private const double MinutesAYear = 365 * 24 * 60;

    private enum Of
    {
        Count,
        Sum,
        Mean,
    }

    private sealed record Term(KpiMeasure Measure, Of Of, int Sign = 1);

    /// <summary>An indicator: numerator over denominator, times the scale; per year: a rate over the window's minutes, stated for a year.</summary>
    private sealed record Spec(string Name, Term[] Numerator, Term[] Denominator, double Scale = 1, bool PerYear = false);

    private static readonly Spec[] Specs =
    [
        new("nps", [new(KpiMeasure.Survey, Of.Sum)], [new(KpiMeasure.Survey, Of.Count)], 100),
        new("returnRate", [new(KpiMeasure.Return, Of.Count)], [new(KpiMeasure.Fulfilled, Of.Count)]),
        new("onTime", [new(KpiMeasure.Delivery, Of.Sum)], [new(KpiMeasure.Delivery, Of.Count)]),
        new("conversion", [new(KpiMeasure.Conversion, Of.Count)], [new(KpiMeasure.Visit, Of.Count)]),
        new("averageOrderValue", [new(KpiMeasure.Order, Of.Sum)], [new(KpiMeasure.Order, Of.Count)]),
        new("recommendationCtr", [new(KpiMeasure.Click, Of.Count)], [new(KpiMeasure.Impression, Of.Count)]),
        new("packingFill", [new(KpiMeasure.PackedGoods, Of.Sum)], [new(KpiMeasure.PackedBoxes, Of.Sum)]),
        new("packingSaving", [new(KpiMeasure.PackedBaseline, Of.Sum), new(KpiMeasure.PackedBoxes, Of.Sum, -1)], [new(KpiMeasure.PackedBaseline, Of.Sum)]),
        new("deliveryMinutes", [new(KpiMeasure.DeliveryMinutes, Of.Sum)], [new(KpiMeasure.DeliveryMinutes, Of.Count)]),
        new("stockOutRate", [new(KpiMeasure.StockOut, Of.Sum)], [new(KpiMeasure.StockCells, Of.Sum)]),
        new("inventoryTurnover", [new(KpiMeasure.OrderUnits, Of.Sum)], [new(KpiMeasure.StockLevel, Of.Mean)], PerYear: true),
        new("orders", [new(KpiMeasure.Order, Of.Count)], []),
        new("reservations", [new(KpiMeasure.Reservation, Of.Count)], []),
    ];

    /// <summary>The indicators' names, in the order a report lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Specs.Select(s => s.Name)];

    /// <summary>The report of <paramref name="region"/> over <paramref name="window"/> ending in the minute of <paramref name="now"/>.</summary>
    public static KpiReport Report(string region, KpiWindow window, DateTimeOffset now, KpiState state)
    {
        var length = (long)window.Length().TotalMinutes;
        var end = KpiState.MinuteOf(now) + 1;
        var start = end - length;
        var current = state.Totals(start, end);
        var previous = state.Totals(start - length, start);
        var points = window.Points();
        var slice = length / points;
        var slices = Enumerable.Range(0, points).Select(i => state.Totals(start + (i * slice), start + ((i + 1) * slice))).ToArray();
        var minutes = (double)length;
        return ReportOf(region, window.Name(), now, current, minutes, spec => Value(spec, previous, minutes), spec => [.. slices.Select(s => Value(spec, s, slice))]);
    }

    /// <summary>The report of <paramref name="key"/> from the minute of <paramref name="from"/> to the minute of <paramref name="now"/>: no window before, no trend.</summary>
    public static KpiReport Since(string key, DateTimeOffset from, DateTimeOffset now, KpiState state)
    {
        var end = KpiState.MinuteOf(now) + 1;
        var start = Math.Max(KpiState.MinuteOf(from), end - KpiState.RetainMinutes);
        var totals = state.Totals(start, end);
        var minutes = (double)Math.Max(1, end - start);
        return ReportOf(key, "since", now, totals, minutes, _ => null, _ => []);
    }

    private static KpiReport ReportOf(string key, string window, DateTimeOffset now, KpiTotals current, double minutes, Func<Spec, double?> previous, Func<Spec, IReadOnlyList<double?>> series) => new()
    {
        Region = key,
        Window = window,
        At = now,
        Indicators = [.. Specs.Select(spec => new KpiIndicator
        {
            Name = spec.Name,
            Numerator = Add(spec.Numerator, current),
            Denominator = Add(spec.Denominator, current),
            Value = Value(spec, current, minutes),
            Previous = previous(spec),
            Series = series(spec),
        })],
        Counts = Enum.GetValues<KpiMeasure>().Where(m => current.Count(m) > 0).ToDictionary(m => m.Name(), current.Count, StringComparer.Ordinal),
    };

    private static double? Value(Spec spec, KpiTotals totals, double minutes)
    {
        if (spec.Denominator.Length == 0)
        {
            return spec.Scale * Add(spec.Numerator, totals); // a count
        }

        var denominator = Add(spec.Denominator, totals);
        var scale = spec.PerYear ? spec.Scale * MinutesAYear / minutes : spec.Scale;
        return denominator > 0 ? scale * Add(spec.Numerator, totals) / denominator : null;
    }

    private static double Add(Term[] terms, KpiTotals totals) => terms.Sum(t => t.Sign * t.Of switch
    {
        Of.Count => totals.Count(t.Measure),
        Of.Sum => totals.Sum(t.Measure),
        _ => totals.Count(t.Measure) > 0 ? totals.Sum(t.Measure) / totals.Count(t.Measure) : 0,
    });
}
