using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Intent;

namespace Tandem.Evaluate;

/// <summary>
/// Retrains the served purchase-intent model from the platform's session log and writes it to the models folder, where
/// every silo picks it up without a restart (<c>Tandem:Intent:ModelFolder</c>). Prints how the new model and the count of
/// views rank the later sessions held out, and one JSON line.
/// </summary>
internal static class TrainIntentCommand
{
    public static int Run(Arguments args)
    {
        var models = args.Text("models", IntentModelFiles.DefaultFolder);
        var open = TimeSpan.FromMinutes(args.Number("open-minutes", 30));
        var log = SessionLog.Read(args.Folder, open);
        Console.WriteLine($"Session log {args.Folder}: {log.Lines:N0} lines ({log.Unreadable} unreadable), {log.Sessions.Count:N0} sessions, {log.Sessions.Count(s => s.Bought):N0} bought; {log.Open:N0} active in the log's last {open.TotalMinutes:0} minutes left out (they may still buy)");
        IntentTraining.Result result;
        try
        {
            result = IntentTraining.Train(log.Sessions, Path.GetFullPath(args.Folder), DateTimeOffset.UtcNow, args.Number("bootstrap", 200));
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var card = IntentModelFiles.Save(models, result.Model, result.Card);
        Console.WriteLine($"Measured on the later {card.HeldOutSessions:N0} sessions ({card.HeldOutBuyers} bought), trained on the earlier ones:");
        Console.WriteLine("| model | ROC AUC | 95 % interval | PR AUC | 95 % interval |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var s in new[] { result.Views, result.Measured })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Model} | {s.RocAuc:F3} | {s.RocLow:F3}–{s.RocHigh:F3} | {s.PrAuc:F3} | {s.PrLow:F3}–{s.PrHigh:F3} |"));
        }

        Console.WriteLine($"Trained on all {card.Sessions:N0} sessions: version {card.Version} written to {Path.GetFullPath(models)}");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            evaluation = "purchase-intent-retrain",
            version = card.Version,
            sessions = card.Sessions,
            buyers = card.Buyers,
            heldOut = new { sessions = card.HeldOutSessions, buyers = card.HeldOutBuyers },
            leftOutOpen = log.Open,
            rocAuc = card.RocAuc,
            viewsRocAuc = card.ViewsRocAuc,
            models = Path.GetFullPath(models),
        }));
        return 0;
    }
}
