using System.Diagnostics;

namespace Tandem.Bench;

/// <summary>What one attempt to buy in a flash sale was answered.</summary>
public enum SaleAnswer
{
    Held,
    SoldOut,
}

/// <summary>
/// A flash sale on one SKU: every caller keeps asking for one unit until it is told the SKU is sold out. The rate is
/// the units acknowledged over the time from the first attempt until the last caller was told so; afterwards the
/// cell is read back to count what it holds, and what was acknowledged beyond the units on sale is oversold.
/// </summary>
public static class FlashSale
{
    public sealed record Outcome(Summary Summary, int Units, int SoldOutAnswers, int Reserved, int OnHand)
    {
        public int Oversold => Math.Max(0, Summary.Operations - Units);
    }

    /// <param name="scenario">The row's name.</param>
    /// <param name="concurrency">Callers at once.</param>
    /// <param name="units">Units on sale (already received by the cell).</param>
    /// <param name="deadline">When to stop should the sale not sell out.</param>
    /// <param name="buy">One attempt of caller w, its i-th: held, sold out, or a throw for anything else.</param>
    /// <param name="cell">Reads the cell back: (reserved, on hand).</param>
    public static async Task<Outcome> RunAsync(string scenario, int concurrency, int units, TimeSpan deadline,
        Func<int, long, Task<SaleAnswer>> buy, Func<Task<(int Reserved, int OnHand)>> cell)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => new LatencyRecorder()).ToArray();
        var soldOut = 0;
        using var stop = new CancellationTokenSource(deadline);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(workers.Select((recorder, w) => Task.Run(async () =>
        {
            var done = false;
            for (long i = 0; !done && !stop.IsCancellationRequested; i++)
            {
                await recorder.MeasureAsync(async () =>
                {
                    if (await buy(w, i) == SaleAnswer.Held)
                    {
                        return true;
                    }

                    Interlocked.Increment(ref soldOut);
                    done = true;
                    return false; // not a hold: counted apart from the failures below
                });
            }
        })));
        var summary = LatencyRecorder.Summarise(scenario, workers, Stopwatch.GetElapsedTime(started));
        var (reserved, onHand) = await cell();
        return new Outcome(summary with { Failures = summary.Failures - soldOut }, units, soldOut, reserved, onHand);
    }
}
