using Tandem.Brains.Recommendations;

namespace Tandem.Brains.Evaluation;

/// <summary>
/// A replay of real sessions through a list policy: before each click of a test session (in the order the clicks
/// happened) a list of <c>slots</c> items is shown, made by the policy from three strategies (co-view neighbours,
/// recently viewed, popular lately), and counts as clicked when the session's real next click is in it. The graph and
/// popularity learn every click as it happens, for both policies. <see cref="Policy.Bandit"/> fills the list slot by
/// slot by Thompson sampling over the strategies' records and credits the slot that held the click (a click) and every
/// other slot (a miss); <see cref="Policy.EqualWeights"/> adds the strategies' votes with equal weights. Assumes a
/// shopper's next click does not depend on the list (the sessions were logged without it): it measures which policy
/// puts what shoppers go on to click in front of them.
/// </summary>
public static class BanditReplay
{
    public enum Policy
    {
        EqualWeights,
        Bandit,
    }

    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(1);

    public static BanditScore Run(Policy policy, IReadOnlyList<ClickSession> train, IReadOnlyList<ClickSession> test, int slots = 6, int seed = 1)
    {
        var recommender = new SessionRecommender(new GraphOptions());
        Models.TandemSessionModel.Teach(recommender, train);

        var random = new Random(seed);
        var records = new Dictionary<string, ArmPosterior>(StringComparer.Ordinal);
        var outcomes = new List<bool>();
        var slotsByArm = new Dictionary<string, int>(StringComparer.Ordinal);
        var clicksByArm = new Dictionary<string, int>(StringComparer.Ordinal);
        var steps = test
            .SelectMany((session, s) => Enumerable.Range(1, session.Items.Count - 1).Select(i => (Session: s, Index: i, At: session.Times[i])))
            .OrderBy(e => e.At).ThenBy(e => e.Session).ThenBy(e => e.Index);
        foreach (var (s, index, at) in steps)
        {
            var prefix = test[s].Items.Take(index).ToList();
            var target = test[s].Items[index];
            var byArm = Candidates(recommender, prefix, slots);
            List<(string Item, string Arm)> list;
            if (policy == Policy.Bandit)
            {
                list = [.. BanditBlend.Compose(byArm, records, slots, random).Select(p => (p.Item.Item, p.Arm))];
            }
            else
            {
                list = [.. recommender.Recommend(prefix, slots).Select(p => (p.Item, p.Arm))];
            }

            var clicked = list.FindIndex(p => p.Item == target);
            outcomes.Add(clicked >= 0);
            for (var position = 0; position < list.Count; position++)
            {
                var arm = list[position].Arm;
                slotsByArm[arm] = slotsByArm.GetValueOrDefault(arm) + 1;
                clicksByArm[arm] = clicksByArm.GetValueOrDefault(arm) + (position == clicked ? 1 : 0);
                if (policy == Policy.Bandit)
                {
                    records[arm] = records.GetValueOrDefault(arm, new ArmPosterior(0, 0, at)).With(position == clicked ? 1 : 0, position == clicked ? 0 : 1, at, HalfLife);
                }
            }

            recommender.Learn(prefix, target, at);
        }

        var labels = outcomes.Select(o => o ? 1.0 : 0.0).ToList();
        var (low, high) = Proportion(outcomes, seed);
        return new BanditScore(
            policy == Policy.Bandit ? "bandit (Thompson sampling per slot)" : "fixed equal weights",
            outcomes.Count,
            labels.Average(),
            low,
            high,
            slotsByArm.Keys.Order(StringComparer.Ordinal).ToDictionary(a => a, a => (slotsByArm[a], clicksByArm[a]), StringComparer.Ordinal));
    }

    /// <summary>Each strategy's ranking for the session so far: co-view neighbours, the recent views, what is popular lately.</summary>
    private static Dictionary<string, IReadOnlyList<ScoredItem>> Candidates(SessionRecommender recommender, IReadOnlyList<string> prefix, int slots)
    {
        var coView = new Votes();
        SessionNeighbours.Vote(recommender.Graph, prefix, coView, 1, Arm.CoView);
        var recent = new Votes();
        RecentlyViewed.Vote(prefix, recent, 1);
        return new Dictionary<string, IReadOnlyList<ScoredItem>>(StringComparer.Ordinal)
        {
            [Arm.CoView] = coView.Best(slots * 2),
            [Arm.RecentlyViewed] = recent.Best(slots * 2),
            [Arm.Popular] = [.. recommender.Popular.Top(slots).Select(i => new ScoredItem(i, 0, Arm.Popular, null))],
        };
    }

    /// <summary>A 95 % bootstrap interval of a click rate (1,000 resamples, seeded).</summary>
    private static (double Low, double High) Proportion(List<bool> outcomes, int seed)
    {
        var random = new Random(seed);
        var rates = new double[1000];
        for (var r = 0; r < rates.Length; r++)
        {
            var hits = 0;
            for (var i = 0; i < outcomes.Count; i++)
            {
                hits += outcomes[random.Next(outcomes.Count)] ? 1 : 0;
            }

            rates[r] = (double)hits / Math.Max(1, outcomes.Count);
        }

        Array.Sort(rates);
        return (rates[24], rates[975]);
    }
}

/// <summary>A policy's click rate in the replay with its 95 % interval, and per strategy how many slots it filled and how many of them were clicked.</summary>
public sealed record BanditScore(string Policy, int Lists, double ClickRate, double Low, double High, IReadOnlyDictionary<string, (int Slots, int Clicks)> ByArm);
