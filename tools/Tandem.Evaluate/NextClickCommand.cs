using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;

namespace Tandem.Evaluate;

/// <summary>Next click on RecSys Challenge 2015 (YOOCHOOSE) sessions: train on one file, predict every next click of the other.</summary>
internal static class NextClickCommand
{
    public static int Run(Arguments args)
    {
        var trainFile = Path.Combine(args.Folder, args.Text("train", "yoochoose-clicks-100k_train_tr.txt"));
        var testFile = Path.Combine(args.Folder, args.Text("test", "yoochoose-clicks-100k_train_valid.txt"));
        var cutoff = args.Number("cutoff", 20);
        var train = YoochooseClicks.Read(trainFile);
        var test = NextItemProtocol.Prepare(train, YoochooseClicks.Read(testFile));
        Console.WriteLine($"Next click, RecSys 2015: train {Path.GetFileName(trainFile)} ({train.Count:N0} sessions, {train.Sum(s => s.Items.Count):N0} clicks), test {Path.GetFileName(testFile)} ({test.Count:N0} sessions after dropping unknown items and single clicks)");
        Report.NextItem("next-click-rsc15", new { train = Path.GetFileName(trainFile), test = Path.GetFileName(testFile), trainSessions = train.Count, testSessions = test.Count }, NextItemModels.RunAll(train, test, cutoff));
        return 0;
    }
}
