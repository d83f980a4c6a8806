namespace Tandem.Brains.Recommendations;

/// <summary>Picking the best few of many scores without sorting them all.</summary>
public static class Ranking
{
    /// <summary>The <paramref name="count"/> highest scores, highest first; ties go to the smaller key (ordinal), so a ranking is repeatable.</summary>
    public static List<KeyValuePair<string, double>> Best(IEnumerable<KeyValuePair<string, double>> scores, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var heap = new PriorityQueue<KeyValuePair<string, double>, KeyValuePair<string, double>>(count + 1, WorstFirst.Instance);
        foreach (var score in scores)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(score, score);
            }
            else if (count > 0 && WorstFirst.Instance.Compare(score, heap.Peek()) > 0)
            {
                heap.EnqueueDequeue(score, score);
            }
        }

        var best = new List<KeyValuePair<string, double>>(heap.Count);
        while (heap.Count > 0)
        {
            best.Add(heap.Dequeue());
        }

        best.Reverse();
        return best;
    }

    /// <summary>Orders scores worst first: lower score, then larger key.</summary>
    private sealed class WorstFirst : IComparer<KeyValuePair<string, double>>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(KeyValuePair<string, double> x, KeyValuePair<string, double> y)
        {
            var byScore = x.Value.CompareTo(y.Value);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.Key, x.Key);
        }
    }
}
