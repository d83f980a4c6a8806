using Tandem.Brains.Experiments;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Kpis;
using Tandem.Grains.Interfaces.Experiments;

namespace Tandem.Grains.Experiments;

/// <summary>
/// An experiment's results from its shards' tallies: per variant the units exposed, converted, orders and revenue; each
/// treatment's conversion against the control (<see cref="ProportionTest"/>) and revenue per exposed unit
/// (<see cref="MeanTest"/>), both 95 % and fixed-horizon; the sample-ratio check over the exposed units.
/// </summary>
public static class ExperimentReport
{
    public const string Test =
        "Fixed horizon: read once each variant has its planned units. Conversion: difference of rates, 95 % Wald interval, pooled two-sided z-test. " +
        "Revenue per exposed unit: difference of means, 95 % Welch interval. Sample ratio: Pearson's chi-square of the exposed units against the weights, mismatch below p = 0.001. " +
        "Zones' on-time share: deliveries on time over deliveries, 95 % interval clustered by zone (delta method, Welch's t), as zones are what was assigned.";

    /// <summary>The results from the tallies of the experiment's main unit (<paramref name="unit"/>: sessions, or shoppers).</summary>
    public static ExperimentResults Of(ExperimentDefinition definition, IEnumerable<VariantTally> tallies, DateTimeOffset at, string unit = ExperimentUnitKinds.Session)
    {
        var summed = Sum(definition, tallies);
        var control = summed[0];
        var ratio = SampleRatio.Check([.. summed.Select(s => s.Exposed)], [.. definition.Variants.Select(v => v.Weight)]);
        return new ExperimentResults
        {
            ExperimentId = definition.Id,
            Variants = [.. summed.Select((s, i) => new VariantResult
            {
                Name = definition.Variants[i].Name,
                Exposed = s.Exposed,
                Converted = s.Converted,
                Orders = s.Orders,
                Revenue = s.Revenue,
                ConversionRate = s.Exposed == 0 ? 0 : Math.Round((double)s.Converted / s.Exposed, 6),
                RevenuePerUnit = s.Exposed == 0 ? 0 : Math.Round((double)s.Revenue / s.Exposed, 4),
                Conversion = i == 0 || s.Exposed == 0 || control.Exposed == 0 ? null : Conversion(control, s),
                RevenuePerUnitChange = i == 0 || s.Exposed < 2 || control.Exposed < 2 ? null : RevenuePerUnit(control, s),
            })],
            SampleRatio = Result(ratio),
            PlannedPerVariant = ProportionTest.SampleSizePerArm(definition.BaseRate, definition.MinimumEffect),
            Test = Test,
            At = at,
            Unit = unit,
        };
    }

    /// <summary>The shards' tallies summed per variant, in the variants' order.</summary>
    private static VariantTally[] Sum(ExperimentDefinition definition, IEnumerable<VariantTally> tallies)
    {
        var summed = definition.Variants.Select((_, i) => new VariantTally { Variant = i }).ToArray();
        foreach (var t in tallies.Where(t => t.Variant >= 0 && t.Variant < summed.Length))
        {
            var s = summed[t.Variant];
            summed[t.Variant] = s with
            {
                Exposed = s.Exposed + t.Exposed, Converted = s.Converted + t.Converted, Orders = s.Orders + t.Orders,
                Revenue = s.Revenue + t.Revenue, RevenueSquares = s.RevenueSquares + t.RevenueSquares,
                OrderSquares = s.OrderSquares + t.OrderSquares, OrderRevenue = s.OrderRevenue + t.OrderRevenue,
            };
        }

        return summed;
    }

    /// <summary>
    /// Adds what the other units show: how many shoppers, zones or store cells met each variant (with the sample-ratio
    /// check, and shoppers' conversions against the control's); with <paramref name="arms"/> (in the variants' order:
    /// what their zones and store cells did) each variant's live indicators since the start and each treatment's
    /// guardrails against the control (<see cref="ExperimentGuardrails"/>).
    /// </summary>
    public static ExperimentResults WithUnits(ExperimentResults results, ExperimentDefinition definition, IReadOnlyDictionary<string, IEnumerable<VariantTally>> units, IReadOnlyList<KpiReport>? arms)
    {
        var guardrails = ExperimentGuardrails.Of(definition);
        return results with
        {
            Units = [.. units.Select(u =>
            {
                var summed = Sum(definition, u.Value);
                var converts = ExperimentUnitKinds.Converts(u.Key);
                var observed = !converts && summed.Any(s => s.Orders > 0);
                return new UnitResults
                {
                    Unit = u.Key, Exposed = [.. summed.Select(s => s.Exposed)],
                    SampleRatio = Result(SampleRatio.Check([.. summed.Select(s => s.Exposed)], [.. definition.Variants.Select(v => v.Weight)])),
                    Converted = converts ? [.. summed.Select(s => s.Converted)] : [],
                    Conversion = converts ? [.. summed.Select((s, i) => i == 0 || s.Exposed == 0 || summed[0].Exposed == 0 ? null : Conversion(summed[0], s))] : [],
                    Outcome = observed ? (u.Key == ExperimentUnitKinds.Cell ? InStock : OnTime) : null,
                    Observed = observed ? [.. summed.Select(s => s.Orders)] : [],
                    Shares = observed ? [.. summed.Select(s => Math.Round(Clustered(s).Share, 6))] : [],
                    ShareChange = observed ? [.. summed.Select((s, i) => i == 0 || s.Converted < 2 || summed[0].Converted < 2 ? null : CompareShares(summed[0], s))] : [],
                };
            })],
            Variants = arms is null ? results.Variants : [.. results.Variants.Select((v, i) => v with
            {
                Kpis = arms[i].Indicators,
                Guardrails = i == 0 ? [] : [.. guardrails.Select(g => Guard(g, arms[0], arms[i]))],
            })],
        };
    }

    /// <summary>A guardrail read once both sides have enough observations: breached when the treatment is worse by more than the margin.</summary>
    public static GuardrailResult Guard(Guardrail guardrail, KpiReport control, KpiReport treatment)
    {
        var (c, t) = (control.Indicators.FirstOrDefault(i => i.Name == guardrail.Indicator), treatment.Indicators.FirstOrDefault(i => i.Name == guardrail.Indicator));
        var read = c?.Value is not null && t?.Value is not null
            && c.Denominator >= ExperimentGuardrails.MinimumObservations && t.Denominator >= ExperimentGuardrails.MinimumObservations;
        var worse = read ? Math.Round(ExperimentGuardrails.Worse(guardrail.Indicator, c!.Value!.Value, t!.Value!.Value), 6) : (double?)null;
        return new GuardrailResult
        {
            Indicator = guardrail.Indicator, Margin = guardrail.Margin, Control = c?.Value, Treatment = t?.Value, Worse = worse,
            Breached = worse > guardrail.Margin,
        };
    }

    private static SampleRatioResult Result(SampleRatio ratio) =>
        new() { ChiSquare = Math.Round(ratio.ChiSquare, 4), PValue = Math.Round(ratio.PValue, 6), Mismatch = ratio.Mismatch };

    private static Comparison Conversion(VariantTally control, VariantTally treatment)
    {
        var test = ProportionTest.Compare(control.Converted, control.Exposed, treatment.Converted, treatment.Exposed);
        return new Comparison { Difference = Math.Round(test.Difference, 6), Low = Math.Round(test.Low, 6), High = Math.Round(test.High, 6), PValue = Math.Round(test.PValue, 6) };
    }

    private static Comparison RevenuePerUnit(VariantTally control, VariantTally treatment)
    {
        var test = MeanTest.Compare(Moments(control), Moments(treatment));
        return new Comparison { Difference = Math.Round(test.Difference, 4), Low = Math.Round(test.Low, 4), High = Math.Round(test.High, 4), PValue = Math.Round(test.PValue, 6) };
    }

    private static Moments Moments(VariantTally t) => new(t.Exposed, (double)t.Revenue, t.RevenueSquares);

    /// <summary>The outcome a zone's deliveries give (<see cref="ZoneOutcomes"/>).</summary>
    public const string OnTime = "onTime";

    /// <summary>The outcome a store cell's censuses give (<see cref="Kpis.StockRangeGrain"/>).</summary>
    public const string InStock = "inStock";

    private static Comparison CompareShares(VariantTally control, VariantTally treatment)
    {
        var test = ClusteredRatioTest.Compare(Clustered(control), Clustered(treatment));
        return new Comparison { Difference = Math.Round(test.Difference, 6), Low = Math.Round(test.Low, 6), High = Math.Round(test.High, 6), PValue = Math.Round(test.PValue, 6) };
    }

    /// <summary>The units with an event (a unit's orders are its events, its revenue their successes).</summary>
    private static ClusterMoments Clustered(VariantTally t) =>
        new(t.Converted, t.Orders, (double)t.Revenue, t.OrderSquares, t.RevenueSquares, t.OrderRevenue);
}
