using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Intent;

namespace Tandem.Evaluate;

/// <summary>Purchase intent on DIGINETICA sessions, split by time: train on sessions before the last <c>--test-days</c> days, rank those after by each model.</summary>
internal static class IntentCommand
{
    public static int Run(Arguments args)
    {
        var sessions = DigineticaViews.Read(args.Folder).ForIntent();
        var testDays = args.Number("test-days", 30);
        var rounds = args.Number("bootstrap", 1000);
        var last = sessions.Max(s => s.Start).UtcDateTime.Date;
        var testFrom = new DateTimeOffset(last.AddDays(1 - testDays), TimeSpan.Zero);
        var train = sessions.Where(s => s.Start < testFrom).ToList();
        var test = sessions.Where(s => s.Start >= testFrom).ToList();
        var from = testFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Console.WriteLine($"Purchase intent, DIGINETICA: train before {from} ({train.Count:N0} sessions, {train.Count(s => s.Bought)} bought), test from {from} ({test.Count:N0} sessions, {test.Count(s => s.Bought)} bought); 95 % bootstrap intervals over {rounds} resamples");
        var boosted = new GradientBoostedIntent();
        var sequence = new SequenceIntent();
        IIntentModel[] models = [new ViewCountIntent(), boosted, sequence];
        var scores = models.Select(m => IntentProtocol.Run(m, train, test, rounds)).ToList();
        Console.WriteLine($"Chosen on the training sessions alone: LightGBM {boosted.Chosen.Leaves} leaves × {boosted.Chosen.Trees} trees; GRU {sequence.ChosenEpochs} epochs.");
        Console.WriteLine("| model | ROC AUC | 95 % interval | PR AUC | 95 % interval | seconds |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var s in scores)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Model} | {s.RocAuc:F3} | {s.RocLow:F3}–{s.RocHigh:F3} | {s.PrAuc:F3} | {s.PrLow:F3}–{s.PrHigh:F3} | {s.Elapsed.TotalSeconds:F1} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A random ranking scores ROC AUC 0.5 and PR AUC about {(double)test.Count(s => s.Bought) / Math.Max(1, test.Count):F3} (the share of buyers)."));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            evaluation = "purchase-intent-diginetica",
            chosen = new { lightGbmLeaves = boosted.Chosen.Leaves, lightGbmTrees = boosted.Chosen.Trees, gruEpochs = sequence.ChosenEpochs },
            setup = new { testFrom = from, trainSessions = train.Count, trainBuyers = train.Count(s => s.Bought), testSessions = test.Count, testBuyers = test.Count(s => s.Bought), bootstrap = rounds },
            models = scores.Select(s => new { model = s.Model, rocAuc = Math.Round(s.RocAuc, 4), rocInterval = new[] { Math.Round(s.RocLow, 4), Math.Round(s.RocHigh, 4) }, prAuc = Math.Round(s.PrAuc, 4), prInterval = new[] { Math.Round(s.PrLow, 4), Math.Round(s.PrHigh, 4) } }),
        }));
        return 0;
    }
}
