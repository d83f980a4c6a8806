namespace Tandem.Brains.Recommendations;

/// <summary>The "co-purchase neighbours" strategy: every item of a basket votes equally for the items bought together with it, with their share of its co-purchase weight.</summary>
public static class CoPurchase
{
    public static void Vote(ItemGraph graph, IReadOnlyCollection<string> basket, Votes votes, double weight, Func<string, bool>? exclude = null) =>
        Vote(item => graph.Of(item)?.Shares() ?? [], basket, votes, weight, exclude);

    public static void Vote(Neighbours neighbours, IReadOnlyCollection<string> basket, Votes votes, double weight, Func<string, bool>? exclude = null)
    {
        var items = basket.Distinct(StringComparer.Ordinal).ToList();
        foreach (var source in items)
        {
            foreach (var (to, share) in neighbours(source))
            {
                if (exclude is null || !exclude(to))
                {
                    votes.Add(to, weight * share / items.Count, Arm.CoPurchase, source, share);
                }
            }
        }
    }
}
