using System.Globalization;

namespace Tandem.Hosting.Simulation;

/// <summary>A simulation's command line: <c>--name value</c> pairs, and the numbers they hold (a clear message when one is wrong).</summary>
public static class SimulationArguments
{
    /// <summary>The pairs in order; anything that is not <c>--name value</c> is refused.</summary>
    public static IEnumerable<(string Name, string Text)> Pairs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value, not \"{args[i]}\".");
            }

            yield return (args[i][2..], args[i + 1]);
        }
    }

    public static int Whole(string name, string text, int least) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= least
            ? value
            : throw new ArgumentException($"--{name} must be a whole number of at least {least}, not \"{text}\".");

    /// <summary>A number of at least 0 (above 0 when <paramref name="positive"/>).</summary>
    public static double Number(string name, string text, bool positive = false) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (positive ? value > 0 : value >= 0)
            ? value
            : throw new ArgumentException($"--{name} must be a number {(positive ? "above" : "of at least")} 0, not \"{text}\".");

    /// <summary>A share: a number from 0 to 1.</summary>
    public static double Share(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new ArgumentException($"--{name} must be a number from 0 to 1, not \"{text}\".");
}
