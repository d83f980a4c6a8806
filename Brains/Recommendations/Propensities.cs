namespace Tandem.Brains.Recommendations;

/// <summary>
/// The chance each strategy has of being drawn, for one set of records (<see cref="Posteriors"/>), estimated once per
/// set of strategies still open and then remembered: the records change at most every second, the lists many times a
/// second. Each estimate uses a random source seeded by the open set, so it is the same wherever it is made.
/// </summary>
public sealed class Propensities(IReadOnlyDictionary<string, ArmPosterior> posteriors, int draws = 400)
{
    private readonly Dictionary<string, Dictionary<string, double>> _byOpenSet = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ArmPosterior> Posteriors { get; } = posteriors;

    /// <summary>Each of <paramref name="open"/> (sorted) with its chance of being drawn among them.</summary>
    public Dictionary<string, double> For(IReadOnlyList<string> open)
    {
        var key = string.Join('|', open);
        if (!_byOpenSet.TryGetValue(key, out var known))
        {
            _byOpenSet[key] = known = ThompsonSampling.Propensities(Posteriors, open, new Random(Fnv1a.Of(key)), draws);
        }

        return known;
    }
}
