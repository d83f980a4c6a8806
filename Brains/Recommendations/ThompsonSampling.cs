namespace Tandem.Brains.Recommendations;

/// <summary>
/// Thompson sampling over strategies: draw a click rate from each one's posterior (<see cref="ArmPosterior"/>), take the
/// highest. A strategy with no record has the uniform prior, so new strategies are tried.
/// </summary>
public static class ThompsonSampling
{
    /// <summary>Draws a strategy among <paramref name="arms"/>.</summary>
    public static string Choose(IReadOnlyDictionary<string, ArmPosterior> posteriors, IReadOnlyList<string> arms, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfZero(arms.Count);
        var best = arms[0];
        var bestDraw = double.NegativeInfinity;
        foreach (var arm in arms)
        {
            var posterior = posteriors.GetValueOrDefault(arm);
            var draw = MathNet.Numerics.Distributions.Beta.Sample(random, posterior.Alpha, posterior.Beta);
            if (draw > bestDraw)
            {
                (best, bestDraw) = (arm, draw);
            }
        }

        return best;
    }

    /// <summary>
    /// The chance each of <paramref name="arms"/> is drawn (its propensity), estimated from <paramref name="draws"/>
    /// draws; a strategy never drawn gets half a draw's worth, so no logged propensity is zero.
    /// </summary>
    public static Dictionary<string, double> Propensities(IReadOnlyDictionary<string, ArmPosterior> posteriors, IReadOnlyList<string> arms, Random random, int draws = 400)
    {
        var wins = arms.ToDictionary(a => a, _ => 0.0, StringComparer.Ordinal);
        for (var i = 0; i < draws; i++)
        {
            wins[Choose(posteriors, arms, random)]++;
        }

        foreach (var arm in arms.Where(a => wins[a] == 0))
        {
            wins[arm] = 0.5;
        }

        var total = wins.Values.Sum();
        return wins.ToDictionary(p => p.Key, p => p.Value / total, StringComparer.Ordinal);
    }
}
