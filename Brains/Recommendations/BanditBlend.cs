namespace Tandem.Brains.Recommendations;

/// <summary>
/// Fills a list slot by slot: for each slot a strategy is drawn by Thompson sampling among those that still have an
/// item to offer, and its best item not yet placed takes the slot. Each placement records the drawn strategy and its
/// propensity (the chance it had), so a click or an ignore can be credited to the strategy, and a replay can weigh it.
/// </summary>
public static class BanditBlend
{
    public static List<SlotPick> Compose(
        IReadOnlyDictionary<string, IReadOnlyList<ScoredItem>> byArm, IReadOnlyDictionary<string, ArmPosterior> posteriors, int count, Random random) =>
        Compose(byArm, new Propensities(posteriors), count, random);

    /// <summary>As above, with propensities remembered across lists made from the same records.</summary>
    public static List<SlotPick> Compose(IReadOnlyDictionary<string, IReadOnlyList<ScoredItem>> byArm, Propensities propensities, int count, Random random)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var next = byArm.Keys.ToDictionary(a => a, _ => 0, StringComparer.Ordinal);
        var picks = new List<SlotPick>(count);
        while (picks.Count < count)
        {
            foreach (var arm in byArm.Keys)
            {
                while (next[arm] < byArm[arm].Count && placed.Contains(byArm[arm][next[arm]].Item))
                {
                    next[arm]++;
                }
            }

            var open = byArm.Keys.Where(a => next[a] < byArm[a].Count).Order(StringComparer.Ordinal).ToList();
            if (open.Count == 0)
            {
                break;
            }

            var chosen = ThompsonSampling.Choose(propensities.Posteriors, open, random);
            var item = byArm[chosen][next[chosen]];
            placed.Add(item.Item);
            picks.Add(new SlotPick(item with { Arm = chosen }, picks.Count, chosen, propensities.For(open)[chosen]));
        }

        return picks;
    }
}
