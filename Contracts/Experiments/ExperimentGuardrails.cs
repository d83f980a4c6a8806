namespace Tandem.Contracts.Experiments;

/// <summary>The guardrails an experiment keeps when it names none, by the supply-chain settings it changes.</summary>
public static class ExperimentGuardrails
{
    /// <summary>Observations (the indicator's denominator) each side needs before a guardrail is read.</summary>
    public const double MinimumObservations = 30;

    /// <summary>Indicators where less is better (every other: more is better).</summary>
    public static readonly IReadOnlySet<string> LowerIsBetter = new HashSet<string>(["returnRate", "deliveryMinutes", "stockOutRate"], StringComparer.Ordinal);

    /// <summary>The guardrails kept: the definition's, or the defaults of what its variants change.</summary>
    public static IReadOnlyList<Guardrail> Of(ExperimentDefinition definition)
    {
        if (definition.Guardrails.Count > 0)
        {
            return definition.Guardrails;
        }

        var kept = new List<Guardrail>();
        if (definition.Variants.Any(v => v.Settings.DispatchWindowSeconds is not null))
        {
            kept.Add(new Guardrail { Indicator = "onTime", Margin = 0.05 }); // five points fewer deliveries within the promise
            kept.Add(new Guardrail { Indicator = "deliveryMinutes", Margin = 5 });
        }

        if (definition.Variants.Any(v => v.Settings.ServiceLevel is not null))
        {
            kept.Add(new Guardrail { Indicator = "stockOutRate", Margin = 0.02 }); // two points more of the cells empty
        }

        return kept;
    }

    /// <summary>How much worse <paramref name="treatment"/> is than <paramref name="control"/> (negative: better).</summary>
    public static double Worse(string indicator, double control, double treatment) =>
        LowerIsBetter.Contains(indicator) ? treatment - control : control - treatment;
}
