namespace Tandem.Brains.Recommendations;

/// <summary>The "recently viewed" strategy: each of the session's recent distinct items votes for itself with its recency weight (shoppers go back to what they looked at).</summary>
public static class RecentlyViewed
{
    public static void Vote(IReadOnlyList<string> recent, Votes votes, double weight, Func<string, bool>? exclude = null)
    {
        foreach (var (item, recency) in RecentItems.Weighted(recent))
        {
            if (exclude is null || !exclude(item))
            {
                votes.Add(item, weight * recency, Arm.RecentlyViewed, item);
            }
        }
    }
}
