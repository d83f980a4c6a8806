using System.Globalization;

using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;

namespace Tandem.Evaluate;

/// <summary>Next viewed item on DIGINETICA sessions, split by time: sessions starting in the last <c>--test-days</c> days are the test.</summary>
internal static class NextItemCommand
{
    public static int Run(Arguments args)
    {
        var data = DigineticaViews.Read(args.Folder);
        var testDays = args.Number("test-days", 7);
        var cutoff = args.Number("cutoff", 20);
        var last = data.Sessions.Max(s => s.Start).UtcDateTime.Date;
        var testFrom = new DateTimeOffset(last.AddDays(1 - testDays), TimeSpan.Zero);
        var train = data.Sessions.Where(s => s.Start < testFrom).ToList();
        var test = NextItemProtocol.Prepare(train, [.. data.Sessions.Where(s => s.Start >= testFrom)]);
        var from = testFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Console.WriteLine($"Next item, DIGINETICA: train before {from} ({train.Count:N0} sessions, {train.Sum(s => s.Items.Count):N0} views), test from {from} ({test.Count:N0} sessions after dropping unknown items and single views)");
        Report.NextItem("next-item-diginetica", new { testFrom = from, trainSessions = train.Count, testSessions = test.Count }, NextItemModels.RunAll(train, test, cutoff));
        return 0;
    }
}
