using System.Diagnostics;

namespace Tandem.Brains.Evaluation;

/// <summary>
/// The session-based next-item protocol (Ludewig &amp; Jannach's session-rec): test events whose item never occurs in
/// training are dropped, then test sessions shorter than two events; for every remaining event after a session's
/// first, the model is given the session so far and must rank the event's item in its first <c>cutoff</c>.
/// Predictions are made in the order the events happened across all test sessions, and after each one the model is
/// told what came next (a live model learns it; a prediction never sees an event from its own future).
/// </summary>
public static class NextItemProtocol
{
    /// <summary>The test sessions as the protocol scores them: items unknown to training dropped, then sessions under two events.</summary>
    public static IReadOnlyList<ClickSession> Prepare(IReadOnlyList<ClickSession> train, IReadOnlyList<ClickSession> test)
    {
        var known = train.SelectMany(s => s.Items).ToHashSet(StringComparer.Ordinal);
        var kept = new List<ClickSession>();
        foreach (var session in test)
        {
            var keep = Enumerable.Range(0, session.Items.Count).Where(i => known.Contains(session.Items[i])).ToList();
            if (keep.Count >= 2)
            {
                kept.Add(session with { Items = [.. keep.Select(i => session.Items[i])], Times = [.. keep.Select(i => session.Times[i])] });
            }
        }

        return kept;
    }

    /// <summary>Trains <paramref name="model"/> on <paramref name="train"/> and scores it on the prepared <paramref name="test"/> sessions.</summary>
    public static NextItemScore Run(INextItemModel model, IReadOnlyList<ClickSession> train, IReadOnlyList<ClickSession> test, int cutoff = 20)
    {
        var clock = Stopwatch.StartNew();
        model.Train(train);
        var steps = test
            .SelectMany((session, s) => Enumerable.Range(1, session.Items.Count - 1).Select(i => (Session: s, Index: i, At: session.Times[i])))
            .OrderBy(e => e.At)
            .ThenBy(e => e.Session)
            .ThenBy(e => e.Index)
            .ToList();
        var hits = 0;
        var reciprocal = 0.0;
        foreach (var (s, index, at) in steps)
        {
            var session = test[s];
            var prefix = Prefix(session.Items, index);
            var target = session.Items[index];
            var list = model.Recommend(prefix, cutoff);
            for (var rank = 0; rank < list.Count && rank < cutoff; rank++)
            {
                if (string.Equals(list[rank], target, StringComparison.Ordinal))
                {
                    hits++;
                    reciprocal += 1.0 / (rank + 1);
                    break;
                }
            }

            model.Observe(prefix, target, at);
        }

        var n = Math.Max(1, steps.Count);
        return new NextItemScore(model.Name, steps.Count, (double)hits / n, reciprocal / n, cutoff, clock.Elapsed);
    }

    private static List<string> Prefix(IReadOnlyList<string> items, int count)
    {
        var prefix = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            prefix.Add(items[i]);
        }

        return prefix;
    }
}
