namespace Tandem.Brains.Evaluation;

/// <summary>
/// A simulated supplier's lead times in days (the retail data has none): log-normal around a median of six days with a
/// spread of 0.35, rounded and kept within 2 … 21 days, so a few deliveries run late.
/// </summary>
public static class SupplierLeadTimes
{
    public static int Draw(Random random)
    {
        var (u1, u2) = (1 - random.NextDouble(), random.NextDouble());
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Clamp((int)Math.Round(6 * Math.Exp(0.35 * normal)), 2, 21);
    }

    /// <summary>The supplier's record: <paramref name="count"/> observed lead times.</summary>
    public static IReadOnlyList<int> Observed(int count, Random random) => [.. Enumerable.Range(0, count).Select(_ => Draw(random))];
}
