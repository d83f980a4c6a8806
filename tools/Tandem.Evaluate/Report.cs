using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Evaluation;

namespace Tandem.Evaluate;

/// <summary>Prints next-item scores as a table and one JSON line.</summary>
internal static class Report
{
    public static void NextItem(string evaluation, object setup, IReadOnlyList<NextItemScore> scores)
    {
        var cutoff = scores[0].Cutoff;
        Console.WriteLine($"| model | predictions | HR@{cutoff} | MRR@{cutoff} | seconds |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var s in scores)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Model} | {s.Predictions} | {s.HitRate:F4} | {s.Mrr:F4} | {s.Elapsed.TotalSeconds:F1} |"));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            evaluation,
            setup,
            cutoff,
            models = scores.Select(s => new { model = s.Model, predictions = s.Predictions, hitRate = Math.Round(s.HitRate, 4), mrr = Math.Round(s.Mrr, 4), seconds = Math.Round(s.Elapsed.TotalSeconds, 2) }),
        }));
    }
}
