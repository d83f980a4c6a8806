using Tandem.Contracts.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>
/// What each indicator divides by what: sums of facts' values (<c>Σ</c>) or counts of facts (<c>#</c>) over the window.
/// NPS = 100 × Σ survey / # survey (promoters +1, detractors −1); return rate = # returns / # orders fulfilled; on time = Σ delivery / # delivery; conversion =
/// # sessions that ordered / # sessions; average order value = Σ order / # order; recommendation CTR = # clicks / #
/// settled impressions; packing fill = Σ goods litres / Σ box litres.
/// </summary>
public static class KpiIndicators
{
    private sealed record Term(KpiMeasure Measure, bool Sum, int Sign = 1);

    private sealed record Spec(string Name, Term[] Numerator, Term[] Denominator, double Scale = 1);

    private static readonly Spec[] Specs =
    [
        new("nps", [new(KpiMeasure.Survey, true)], [new(KpiMeasure.Survey, false)], 100),
        new("returnRate", [new(KpiMeasure.Return, false)], [new(KpiMeasure.Fulfilled, false)]),
        new("onTime", [new(KpiMeasure.Delivery, true)], [new(KpiMeasure.Delivery, false)]),
        new("conversion", [new(KpiMeasure.Conversion, false)], [new(KpiMeasure.Visit, false)]),
        new("averageOrderValue", [new(KpiMeasure.Order, true)], [new(KpiMeasure.Order, false)]),
        new("recommendationCtr", [new(KpiMeasure.Click, false)], [new(KpiMeasure.Impression, false)]),
        new("packingFill", [new(KpiMeasure.PackedGoods, true)], [new(KpiMeasure.PackedBoxes, true)]),
        new("packingSaving", [new(KpiMeasure.PackedBaseline, true), new(KpiMeasure.PackedBoxes, true, -1)], [new(KpiMeasure.PackedBaseline, true)]),
        new("deliveryMinutes", [new(KpiMeasure.DeliveryMinutes, true)], [new(KpiMeasure.DeliveryMinutes, false)]),
        new("orders", [new(KpiMeasure.Order, false)], []),
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
        return new KpiReport
        {
            Region = region,
            Window = window.Name(),
            At = now,
            Indicators = [.. Specs.Select(spec => new KpiIndicator
            {
                Name = spec.Name,
                Numerator = Add(spec.Numerator, current),
                Denominator = Add(spec.Denominator, current),
                Value = Value(spec, current),
                Previous = Value(spec, previous),
                Series = [.. slices.Select(s => Value(spec, s))],
            })],
            Counts = Enum.GetValues<KpiMeasure>().Where(m => current.Count(m) > 0).ToDictionary(m => m.Name(), current.Count, StringComparer.Ordinal),
        };
    }

    private static double? Value(Spec spec, KpiTotals totals)
    {
        if (spec.Denominator.Length == 0)
        {
            return spec.Scale * Add(spec.Numerator, totals); // a count
        }

        var denominator = Add(spec.Denominator, totals);
        return denominator > 0 ? spec.Scale * Add(spec.Numerator, totals) / denominator : null;
    }

    private static double Add(Term[] terms, KpiTotals totals) => terms.Sum(t => t.Sign * (t.Sum ? totals.Sum(t.Measure) : totals.Count(t.Measure)));
}
