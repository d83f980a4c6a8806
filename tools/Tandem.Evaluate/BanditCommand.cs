using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;

namespace Tandem.Evaluate;

/// <summary>The bandit against fixed equal weights, replaying RecSys 2015 test sessions (see <see cref="BanditReplay"/>).</summary>
internal static class BanditCommand
{
    public static int Run(Arguments args)
    {
        var trainFile = Path.Combine(args.Folder, args.Text("train", "yoochoose-clicks-100k_train_tr.txt"));
        var testFile = Path.Combine(args.Folder, args.Text("test", "yoochoose-clicks-100k_train_valid.txt"));
        var slots = args.Number("slots", 6);
        var seed = args.Number("seed", 1);
        var train = YoochooseClicks.Read(trainFile);
        var test = NextItemProtocol.Prepare(train, YoochooseClicks.Read(testFile));
        Console.WriteLine($"Bandit replay, RecSys 2015: train {Path.GetFileName(trainFile)}, test {Path.GetFileName(testFile)} ({test.Count:N0} sessions); a list of {slots} before every click; seed {seed}");
        var scores = new[] { BanditReplay.Policy.EqualWeights, BanditReplay.Policy.Bandit }.Select(p => BanditReplay.Run(p, train, test, slots, seed)).ToList();
        Console.WriteLine("| policy | lists | click rate | 95 % interval | slots (clicks) per strategy |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var s in scores)
        {
            var arms = string.Join(", ", s.ByArm.Select(a => $"{a.Key} {a.Value.Slots:N0} ({a.Value.Clicks:N0})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Policy} | {s.Lists} | {s.ClickRate:F4} | {s.Low:F4}–{s.High:F4} | {arms} |"));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            evaluation = "bandit-replay-rsc15",
            setup = new { train = Path.GetFileName(trainFile), test = Path.GetFileName(testFile), slots, seed },
            policies = scores.Select(s => new
            {
                policy = s.Policy, lists = s.Lists, clickRate = Math.Round(s.ClickRate, 4), interval = new[] { Math.Round(s.Low, 4), Math.Round(s.High, 4) },
                arms = s.ByArm.ToDictionary(a => a.Key, a => new { slots = a.Value.Slots, clicks = a.Value.Clicks }),
            }),
        }));
        return 0;
    }
}
