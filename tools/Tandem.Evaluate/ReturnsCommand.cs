using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;

namespace Tandem.Evaluate;

/// <summary>
/// UCI Online Retail's returns (invoices starting with C): the return rate by month and by product group, and the days
/// between sale and return for the returns matched to the same customer's earlier sale of the same item, under both
/// readings of which sale a return belongs to, with the share of returned units each return window would have accepted.
/// </summary>
internal static class ReturnsCommand
{
    public static int Run(Arguments args)
    {
        var clock = Stopwatch.StartNew();
        var windows = args.Text("windows", "14,30,60").Split(',')
            .Select(w => int.TryParse(w, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days > 0 ? days : throw new ArgumentException($"--windows takes whole days above zero, not \"{w}\"."))
            .Order().ToList();
        var lines = OnlineRetailLines.Read(args.Folder);
        var report = ReturnHistory.Analyse(lines, args.Number("groups", 12), windows);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Returns in UCI Online Retail {report.First:yyyy-MM-dd} … {report.Last:yyyy-MM-dd}: {report.All.SaleLines:N0} product sale lines ({report.All.SoldUnits:N0} units), {report.All.ReturnLines:N0} return lines ({report.All.ReturnedUnits:N0} units, {report.ReturnedWithoutCustomer:N0} of them without a customer id); return rate {report.All.Rate:P2} of units, {report.All.LineRate:P2} of lines."));
        Console.WriteLine();
        Console.WriteLine("| month | units sold | units returned | return rate (units) | sale lines | return lines | return rate (lines) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var m in report.Months)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {m.Key} | {m.SoldUnits:N0} | {m.ReturnedUnits:N0} | {m.Rate:P2} | {m.SaleLines:N0} | {m.ReturnLines:N0} | {m.LineRate:P2} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Days from sale to return, for returns matched to the same customer's earlier sale of the item:");
        Console.WriteLine($"| matched to | weighing | units matched | units unmatched | same day | median days | p75 | p90 | p95 | {string.Join(" | ", windows.Select(w => $"within {w} d"))} |");
        Console.WriteLine($"|---|---|---:|---:|---:|---:|---:|---:|---:|{string.Concat(windows.Select(_ => "---:|"))}");
        foreach (var d in report.Delays)
        {
            Console.WriteLine(Row(d));
        }

        Console.WriteLine();
        Console.WriteLine($"The {report.Groups.Count} product groups (stock code's first three digits) selling most units; days matched to the latest earlier sale, each return line weighing one:");
        Console.WriteLine($"| group | units sold | units returned | return rate (units) | return rate (lines) | units matched | same day | median days | p90 | {string.Join(" | ", windows.Select(w => $"within {w} d"))} |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|---:|{string.Concat(windows.Select(_ => "---:|"))}");
        foreach (var g in report.Groups)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {g.Rate.Key} | {g.Rate.SoldUnits:N0} | {g.Rate.ReturnedUnits:N0} | {g.Rate.Rate:P2} | {g.Rate.LineRate:P2} | {g.Delays.MatchedUnits:N0} | {Share(g.Delays.SameDay)} | {Days(g.Delays.Median)} | {Days(g.Delays.P90)} | {string.Join(" | ", g.Delays.Within.Select(w => Share(w.Share)))} |"));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            evaluation = "returns-uci",
            first = report.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            last = report.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            soldUnits = report.All.SoldUnits,
            returnedUnits = report.All.ReturnedUnits,
            returnRate = Math.Round(report.All.Rate, 5),
            returnLineRate = Math.Round(report.All.LineRate, 5),
            returnedWithoutCustomer = report.ReturnedWithoutCustomer,
            months = report.Months.Select(m => new { month = m.Key, sold = m.SoldUnits, returned = m.ReturnedUnits, rate = Math.Round(m.Rate, 5), saleLines = m.SaleLines, returnLines = m.ReturnLines, lineRate = Math.Round(m.LineRate, 5) }),
            delays = report.Delays.Select(Json),
            groups = report.Groups.Select(g => new { group = g.Rate.Key, sold = g.Rate.SoldUnits, returned = g.Rate.ReturnedUnits, rate = Math.Round(g.Rate.Rate, 5), lineRate = Math.Round(g.Rate.LineRate, 5), delays = Json(g.Delays) }),
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        }));
        return 0;
    }

    private static string Row(ReturnDelays d) => string.Create(CultureInfo.InvariantCulture,
        $"| {d.Rule} | {d.Weight} | {d.MatchedUnits:N0} | {d.UnmatchedUnits:N0} | {Share(d.SameDay)} | {Days(d.Median)} | {Days(d.P75)} | {Days(d.P90)} | {Days(d.P95)} | {string.Join(" | ", d.Within.Select(w => Share(w.Share)))} |");

    private static object Json(ReturnDelays d) => new
    {
        rule = d.Rule,
        weight = d.Weight,
        matched = d.MatchedUnits,
        unmatched = d.UnmatchedUnits,
        sameDay = Round(d.SameDay),
        median = Round(d.Median),
        p75 = Round(d.P75),
        p90 = Round(d.P90),
        p95 = Round(d.P95),
        within = d.Within.ToDictionary(w => w.Days.ToString(CultureInfo.InvariantCulture), w => Round(w.Share)),
    };

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    private static string Share(double share) => double.IsNaN(share) ? "–" : share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Days(double days) => double.IsNaN(days) ? "–" : days.ToString("0.0", CultureInfo.InvariantCulture);
}
