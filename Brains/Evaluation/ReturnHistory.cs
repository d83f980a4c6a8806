using Tandem.Brains.Evaluation.Data;

namespace Tandem.Brains.Evaluation;

/// <summary>Units sold and returned under one key (a month, a product group, or all).</summary>
public sealed record ReturnRate(string Key, long SoldUnits, long ReturnedUnits, int SaleLines, int ReturnLines)
{
    /// <summary>Returned units per unit sold.</summary>
    public double Rate => SoldUnits == 0 ? 0 : (double)ReturnedUnits / SoldUnits;

    /// <summary>Return lines per sale line: a few very large lines cannot sway it.</summary>
    public double LineRate => SaleLines == 0 ? 0 : (double)ReturnLines / SaleLines;
}

/// <summary>
/// How long after the sale returns came back, for those matched to an earlier sale of the same item to the same customer:
/// <see cref="Rule"/> says which sale a return is matched to, <see cref="Weight"/> whether each unit or each return line
/// weighs one, and whether returns made the day of their sale (order corrections more than returns) are left out.
/// </summary>
public sealed record ReturnDelays(string Rule, string Weight, long MatchedUnits, long UnmatchedUnits, double SameDay, double Median, double P75, double P90, double P95, IReadOnlyList<(int Days, double Share)> Within);

/// <summary>One product group's returns and how long after the sale they came (matched to the latest earlier sale, each return line weighing one).</summary>
public sealed record GroupReturns(ReturnRate Rate, ReturnDelays Delays);

public sealed record ReturnHistoryReport(
    DateOnly First,
    DateOnly Last,
    ReturnRate All,
    IReadOnlyList<ReturnRate> Months,
    IReadOnlyList<GroupReturns> Groups,
    IReadOnlyList<ReturnDelays> Delays,
    long ReturnedWithoutCustomer);

/// <summary>
/// The returns of a shop's history: the return rate by month and by product group, and the days between sale and return
/// for returns that can be matched to an earlier sale of the same item to the same customer. A return is matched to the
/// customer's latest earlier sale with units not yet returned ("latest"), or, as the other reading, to the earliest
/// ("earliest"); units that no earlier sale in the history covers are unmatched (sold before it began, or not a return of
/// a sale at all). The return windows a policy could set are read off the share of matched units within each.
/// </summary>
public static class ReturnHistory
{
    public const string Latest = "latest earlier sale";
    public const string Earliest = "earliest earlier sale";
    public const string Units = "each unit";
    public const string Lines = "each return line";
    public const string LinesAfterSaleDay = "each return line, not the sale's day";

    public static ReturnHistoryReport Analyse(IReadOnlyList<RetailLine> lines, int groups, IReadOnlyList<int> windows)
    {
        if (lines.Count == 0)
        {
            throw new ArgumentException("No sale or return lines.", nameof(lines));
        }

        var latest = MatchReturns(lines, latestFirst: true);
        var earliest = MatchReturns(lines, latestFirst: false);
        var byGroup = lines.GroupBy(l => l.Group).Select(g => Rate(g.Key, g)).OrderByDescending(r => r.SoldUnits).ThenBy(r => r.Key, StringComparer.Ordinal).Take(groups).ToList();
        return new ReturnHistoryReport(
            DateOnly.FromDateTime(lines.Min(l => l.At)),
            DateOnly.FromDateTime(lines.Max(l => l.At)),
            Rate("all", lines),
            [.. lines.GroupBy(l => l.At.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Rate(g.Key, g))],
            [.. byGroup.Select(r => new GroupReturns(r, Delays(Latest, Lines, latest.Where(m => m.Group == r.Key), latest.Unmatched.GetValueOrDefault(r.Key), windows)))],
            [
                Delays(Latest, Units, latest, latest.Unmatched.Values.Sum(), windows),
                Delays(Latest, Lines, latest, latest.Unmatched.Values.Sum(), windows),
                Delays(Earliest, Lines, earliest, earliest.Unmatched.Values.Sum(), windows),
                Delays(Latest, LinesAfterSaleDay, latest.Where(m => !m.SameDay), latest.Unmatched.Values.Sum(), windows),
            ],
            lines.Where(l => l.IsReturn && l.Customer is null).Sum(l => (long)-l.Quantity));
    }

    private static ReturnRate Rate(string key, IEnumerable<RetailLine> lines)
    {
        var (sold, returned, saleLines, returnLines) = (0L, 0L, 0, 0);
        foreach (var line in lines)
        {
            if (line.IsReturn)
            {
                (returned, returnLines) = (returned - line.Quantity, returnLines + 1);
            }
            else
            {
                (sold, saleLines) = (sold + line.Quantity, saleLines + 1);
            }
        }

        return new ReturnRate(key, sold, returned, saleLines, returnLines);
    }

    /// <summary>
    /// Matched units: their group, how many, how many days after their sale they came back, whether on the sale's day, and
    /// their share of their return line's matched units.
    /// </summary>
    private sealed class Matches : List<Match>
    {
        public Dictionary<string, long> Unmatched { get; } = new(StringComparer.Ordinal);
    }

    private static Matches MatchReturns(IReadOnlyList<RetailLine> lines, bool latestFirst)
    {
        var matches = new Matches();
        foreach (var history in lines.Where(l => l.Customer is not null).GroupBy(l => (l.Customer, l.Item)))
        {
            var open = new List<(DateTime At, long Left)>(); // the customer's earlier sales of the item, oldest first
            foreach (var line in history.OrderBy(l => l.At).ThenBy(l => l.IsReturn)) // a sale and its return in one minute: the sale first
            {
                var first = matches.Count;
                if (!line.IsReturn)
                {
                    open.Add((line.At, line.Quantity));
                    continue;
                }

                long wanted = -line.Quantity;
                while (wanted > 0 && open.Count > 0)
                {
                    var index = latestFirst ? open.Count - 1 : 0;
                    var (at, left) = open[index];
                    var taken = Math.Min(left, wanted);
                    matches.Add(new Match(line.Group, taken, (line.At - at).TotalDays, line.At.Date == at.Date, 0));
                    wanted -= taken;
                    if (taken == left)
                    {
                        open.RemoveAt(index);
                    }
                    else
                    {
                        open[index] = (at, left - taken);
                    }
                }

                var matched = -line.Quantity - wanted;
                for (var i = first; i < matches.Count; i++)
                {
                    matches[i] = matches[i] with { LineShare = (double)matches[i].Units / matched };
                }

                if (wanted > 0)
                {
                    matches.Unmatched[line.Group] = matches.Unmatched.GetValueOrDefault(line.Group) + wanted;
                }
            }
        }

        return matches;
    }

    private static ReturnDelays Delays(string rule, string weight, IEnumerable<Match> matched, long unmatched, IReadOnlyList<int> windows)
    {
        var sorted = matched.OrderBy(m => m.Days).ToList();
        double Weight(Match m) => weight == Units ? m.Units : m.LineShare;
        var total = sorted.Sum(Weight);
        double Quantile(double q)
        {
            if (total <= 0)
            {
                return double.NaN;
            }

            var (target, seen) = (q * total, 0.0);
            foreach (var m in sorted)
            {
                seen += Weight(m);
                if (seen >= target - 1e-9)
                {
                    return m.Days;
                }
            }

            return sorted[^1].Days;
        }

        double Share(Func<Match, bool> within) => total <= 0 ? double.NaN : sorted.Where(within).Sum(Weight) / total;
        return new ReturnDelays(rule, weight, sorted.Sum(m => m.Units), unmatched, Share(m => m.SameDay), Quantile(0.5), Quantile(0.75), Quantile(0.9), Quantile(0.95),
            [.. windows.Select(w => (w, Share(m => m.Days <= w)))]);
    }

    private readonly record struct Match(string Group, long Units, double Days, bool SameDay, double LineShare);
}
