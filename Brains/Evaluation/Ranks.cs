namespace Tandem.Brains.Evaluation;

/// <summary>How well scores rank positives above negatives: ROC AUC and PR AUC (average precision), with bootstrap intervals.</summary>
public static class Ranks
{
    /// <summary>ROC AUC: the chance a random positive scores above a random negative (ties count half). NaN without both classes.</summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        // Mann–Whitney: the positives' mean rank among all scores (ties get their average rank).
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var rankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    rankSum += rank;
                }
            }

            start = end + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>
    /// PR AUC as average precision: the precision at each positive, going down the scores (a group of tied scores is
    /// taken at once). A random ranking scores about the share of positives. NaN without a positive.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        if (positives == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var (seen, hits, sum) = (0, 0, 0.0);
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var groupHits = 0;
            for (var k = start; k <= end; k++)
            {
                groupHits += labels[order[k]] ? 1 : 0;
            }

            seen += end - start + 1;
            hits += groupHits;
            sum += groupHits * ((double)hits / seen);
            start = end + 1;
        }

        return sum / positives;
    }

    /// <summary>A percentile bootstrap interval of <paramref name="measure"/>: resample the sessions with replacement <paramref name="rounds"/> times (seeded), take the middle <paramref name="level"/>.</summary>
    public static (double Low, double High) Bootstrap(
        IReadOnlyList<double> scores, IReadOnlyList<bool> labels, Func<IReadOnlyList<double>, IReadOnlyList<bool>, double> measure, int rounds = 1000, double level = 0.95, int seed = 1)
    {
        var random = new Random(seed);
        var values = new List<double>(rounds);
        var s = new double[scores.Count];
        var l = new bool[scores.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < s.Length; i++)
            {
                var pick = random.Next(s.Length);
                (s[i], l[i]) = (scores[pick], labels[pick]);
            }

            var value = measure(s, l);
            if (!double.IsNaN(value))
            {
                values.Add(value);
            }
        }

        values.Sort();
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var tail = (1 - level) / 2;
        return (values[(int)Math.Floor(tail * (values.Count - 1))], values[(int)Math.Ceiling((1 - tail) * (values.Count - 1))]);
    }
}
