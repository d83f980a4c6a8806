using Tandem.Brains.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>How a list of picks is made: the bandit over the strategies (the product's way), a uniform draw per slot, or one strategy alone.</summary>
public static class PickStrategies
{
    /// <summary>Thompson sampling over the segment's records, slot by slot.</summary>
    public const string Bandit = "bandit";

    /// <summary>Each slot from a strategy drawn uniformly among those with an item left (what the bandit is measured against).</summary>
    public const string Uniform = "uniform";

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(Arms.Known.Append(Bandit).Append(Uniform), StringComparer.Ordinal);

    /// <summary>The policy a list names for <paramref name="strategy"/>.</summary>
    public static string Policy(string strategy) => strategy switch
    {
        Bandit => "Thompson sampling per slot",
        Uniform => "uniform draw per slot",
        _ => $"{strategy} only",
    };

    /// <summary>The strategies that may fill the list.</summary>
    public static bool Draws(string strategy, string arm) => strategy is Bandit or Uniform || strategy == arm;

    /// <summary>The records a slot is drawn by: none (the uniform prior) for <see cref="Uniform"/>.</summary>
    public static Propensities For(string strategy, Propensities bandit) => strategy == Uniform ? UniformPrior : bandit;

    private static readonly Propensities UniformPrior = new(new Dictionary<string, ArmPosterior>(StringComparer.Ordinal));
}
