namespace Tandem.Brains.Intent;

/// <summary>
/// The numbers a purchase-intent model reads from a session's behaviour so far. The session grain computes them live
/// from its recent events; the evaluation computes them from logged sessions: the same code, so what is measured is
/// what is served.
/// </summary>
public static class IntentFeatures
{
    /// <summary>How many features <see cref="From"/> gives.</summary>
    public const int Count = 20;

    /// <summary>The features' names, in the order <see cref="From"/> gives them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "views", "distinct items", "distinct categories", "log seconds from first to last event", "log mean seconds between events",
        "log longest seconds between events", "log seconds before the last event", "share of views repeated", "most views of one item",
        "share of views in the top category", "signed in", "size chart opens", "clicks", "mean click position", "add to carts",
        "log dwell seconds", "deepest scroll", "items viewed twice or more", "returns to an earlier item",
        "log fastest scroll (pixels a second)",
    ];

    public static float[] From(IReadOnlyList<IntentEvent> events, bool signedIn)
    {
        var views = events.Where(e => e.Signal == IntentSignal.View).ToList();
        var viewsPerItem = views.Where(e => e.Item is not null).GroupBy(e => e.Item!, StringComparer.Ordinal).Select(g => g.Count()).ToList();
        var categories = views.Where(e => e.Category is not null).GroupBy(e => e.Category!, StringComparer.Ordinal).Select(g => g.Count()).ToList();
        var gaps = new List<double>();
        for (var i = 1; i < events.Count; i++)
        {
            gaps.Add(Math.Max(0, (events[i].At - events[i - 1].At).TotalSeconds));
        }

        var clicks = events.Where(e => e.Signal == IntentSignal.Click).ToList();
        var returns = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var view in views.Where(v => v.Item is not null))
        {
            if (!string.Equals(view.Item, previous, StringComparison.Ordinal) && !seen.Add(view.Item!))
            {
                returns++;
            }

            seen.Add(view.Item!);
            previous = view.Item;
        }

        return
        [
            views.Count,
            viewsPerItem.Count,
            categories.Count,
            Log(events.Count < 2 ? 0 : (events[^1].At - events[0].At).TotalSeconds),
            Log(gaps.Count == 0 ? 0 : gaps.Average()),
            Log(gaps.Count == 0 ? 0 : gaps.Max()),
            Log(gaps.Count == 0 ? 0 : gaps[^1]),
            views.Count == 0 ? 0 : 1 - ((float)viewsPerItem.Count / views.Count),
            viewsPerItem.Count == 0 ? 0 : viewsPerItem.Max(),
            views.Count == 0 || categories.Count == 0 ? 0 : (float)categories.Max() / views.Count,
            signedIn ? 1 : 0,
            events.Count(e => e.Signal == IntentSignal.SizeChart),
            clicks.Count,
            clicks.Count == 0 ? 0 : (float)clicks.Average(c => c.Value),
            events.Count(e => e.Signal == IntentSignal.AddToCart),
            Log(events.Where(e => e.Signal == IntentSignal.Dwell).Sum(e => e.Value) / 1000),
            (float)events.Where(e => e.Signal == IntentSignal.Scroll).Select(e => e.Value).DefaultIfEmpty(0).Max(),
            viewsPerItem.Count(c => c >= 2),
            returns,
            Log(events.Where(e => e.Signal == IntentSignal.ScrollSpeed).Select(e => e.Value).DefaultIfEmpty(0).Max()),
        ];
    }

    private static float Log(double seconds) => (float)Math.Log(1 + Math.Max(0, seconds));
}
