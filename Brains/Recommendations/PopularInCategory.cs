namespace Tandem.Brains.Recommendations;

/// <summary>
/// The popular-in-category strategy: the products most viewed and bought lately in the categories the session's
/// behaviour points at. Each category votes with its share of the session's interest; within it a product scores
/// half its share of the category's views and half its share of its purchases (all of one when the other is empty).
/// </summary>
public static class PopularInCategory
{
    public static void Vote(
        IReadOnlyList<KeyValuePair<string, double>> categories,
        Func<string, IReadOnlyList<KeyValuePair<string, double>>> viewed,
        Func<string, IReadOnlyList<KeyValuePair<string, double>>> bought,
        Votes votes,
        double weight,
        Func<string, bool> skip)
    {
        var interest = categories.Sum(c => c.Value);
        if (interest <= 0)
        {
            return;
        }

        foreach (var (category, share) in categories)
        {
            var views = viewed(category);
            var purchases = bought(category);
            var (viewPart, buyPart) = (views.Count, purchases.Count) switch
            {
                (0, 0) => (0.0, 0.0),
                (_, 0) => (1.0, 0.0),
                (0, _) => (0.0, 1.0),
                _ => (0.5, 0.5),
            };
            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (item, part) in views)
            {
                scores[item] = scores.GetValueOrDefault(item) + (viewPart * part);
            }

            foreach (var (item, part) in purchases)
            {
                scores[item] = scores.GetValueOrDefault(item) + (buyPart * part);
            }

            foreach (var (item, score) in scores.Where(s => !skip(s.Key)))
            {
                votes.Add(item, weight * share / interest * score, Arm.Popular, category, score);
            }
        }
    }
}
