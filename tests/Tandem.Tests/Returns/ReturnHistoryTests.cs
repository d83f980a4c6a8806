using System.IO.Compression;
using System.Text;

using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;

namespace Tandem.Tests.Returns;

/// <summary>
/// The returns analysis of a shop's history: rates by month and product group, and the days from sale to return for
/// returns matched to the same customer's earlier sale of the item, under both readings of which sale that is.
/// </summary>
public sealed class ReturnHistoryTests
{
    private static RetailLine Line(string invoice, string item, int quantity, string at, string? customer) =>
        new(invoice, item, quantity, DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture), 1.25m, customer, "United Kingdom");

    private static readonly RetailLine[] History =
    [
        Line("536001", "22414", 10, "2011-01-01 10:00", "1"),
        Line("C536002", "22414", -3, "2011-01-03 09:00", "2"), // customer 2 never bought it here: unmatched
        Line("C536003", "22414", -2, "2011-01-04 09:00", null), // no customer: cannot be matched
        Line("536004", "22414", 5, "2011-01-20 10:00", "1"),
        Line("C536005", "22414", -6, "2011-01-25 10:00", "1"),
        Line("536006", "85123A", 4, "2011-02-01 09:00", "3"),
        Line("C536007", "85123A", -4, "2011-02-01 15:00", "3"),
    ];

    [Fact]
    public void Rates_are_returned_units_per_unit_sold_by_month_and_by_the_groups_selling_most()
    {
        var report = ReturnHistory.Analyse(History, groups: 1, windows: [14, 30]);

        Assert.Equal((new DateOnly(2011, 1, 1), new DateOnly(2011, 2, 1)), (report.First, report.Last));
        Assert.Equal(new ReturnRate("all", 19, 15, 3, 4), report.All);
        Assert.Equal([new ReturnRate("2011-01", 15, 11, 2, 3), new ReturnRate("2011-02", 4, 4, 1, 1)], report.Months);
        Assert.Equal([new ReturnRate("224", 15, 11, 2, 3)], report.Groups.Select(g => g.Rate));
        Assert.Equal(2, report.ReturnedWithoutCustomer);
    }

    [Fact]
    public void A_return_is_matched_to_the_latest_earlier_sale_first_or_under_the_other_reading_to_the_earliest()
    {
        var report = ReturnHistory.Analyse(History, groups: 2, windows: [14, 30]);
        var (units, lines, earliest, later) = (report.Delays[0], report.Delays[1], report.Delays[2], report.Delays[3]);

        // Latest, each unit: 5 units from 20 Jan (5 days), 1 from 1 Jan (24 days), 4 the same day (0.25 days); 3 unmatched.
        Assert.Equal((ReturnHistory.Latest, ReturnHistory.Units, 10L, 3L, 0.4), (units.Rule, units.Weight, units.MatchedUnits, units.UnmatchedUnits, units.SameDay));
        Assert.Equal((5.0, 5.0, 5.0, 24.0), (units.Median, units.P75, units.P90, units.P95));
        Assert.Equal([(14, 0.9), (30, 1.0)], units.Within);

        // Latest, each return line: the 6-unit line weighs 5/6 at 5 days and 1/6 at 24, the same-day line 1.
        Assert.Equal((ReturnHistory.Lines, 10L, 0.5), (lines.Weight, lines.MatchedUnits, lines.SameDay));
        Assert.Equal((0.25, 5.0, 5.0, 24.0), (lines.Median, lines.P75, lines.P90, lines.P95));
        Assert.Equal(11.0 / 12, lines.Within[0].Share, 9);

        // Earliest, each return line: the 6 units all from 1 Jan (24 days).
        Assert.Equal((ReturnHistory.Earliest, 0.5, 0.25, 24.0), (earliest.Rule, earliest.SameDay, earliest.Median, earliest.P95));
        Assert.Equal([(14, 0.5), (30, 1.0)], earliest.Within);

        // Leaving out returns made the day of their sale: only the 6-unit line.
        Assert.Equal((ReturnHistory.LinesAfterSaleDay, 6L, 0.0, 5.0, 24.0), (later.Weight, later.MatchedUnits, later.SameDay, later.Median, later.P95));
        Assert.Equal(5.0 / 6, later.Within[0].Share, 9);

        var group = report.Groups.Single(g => g.Rate.Key == "851").Delays;
        Assert.Equal((4L, 0L, 1.0, 0.25), (group.MatchedUnits, group.UnmatchedUnits, group.SameDay, group.Median));
    }

    [Fact]
    public void The_reader_keeps_product_sales_and_returns_and_leaves_out_adjustments_fees_and_write_offs()
    {
        var folder = Directory.CreateTempSubdirectory("tandem-returns-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "transactions"));
        using (var file = new GZipStream(File.Create(Path.Combine(folder, "transactions", "online_retail_2011-01.csv.gz")), CompressionLevel.Fastest))
        {
            file.Write(Encoding.UTF8.GetBytes("""
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,"WHITE HANGING HEART T-LIGHT HOLDER, LARGE",6,2011-01-01 08:26:00,2.55,17850.0,United Kingdom
                C536379,85123a,WHITE HANGING HEART T-LIGHT HOLDER,-2,2011-01-02 09:41:00,2.55,17850.0,United Kingdom
                C536380,22414,DOORMAT,-1,2011-01-02 09:45:00,7.95,,France
                A563185,22414,Adjust bad debt,1,2011-01-03 14:50:00,11062.06,,United Kingdom
                536381,POST,POSTAGE,1,2011-01-03 15:00:00,18.00,12583.0,France
                536382,22414,DOORMAT,5,2011-01-03 15:01:00,0.00,12583.0,France
                C536383,22414,DOORMAT,3,2011-01-03 15:02:00,7.95,12583.0,France
                """.Replace("\r\n", "\n", StringComparison.Ordinal)));
        }

        var lines = OnlineRetailLines.Read(folder);

        Assert.Equal(
            [
                new RetailLine("536365", "85123A", 6, new DateTime(2011, 1, 1, 8, 26, 0), 2.55m, "17850", "United Kingdom"),
                new RetailLine("C536379", "85123A", -2, new DateTime(2011, 1, 2, 9, 41, 0), 2.55m, "17850", "United Kingdom"),
                new RetailLine("C536380", "22414", -1, new DateTime(2011, 1, 2, 9, 45, 0), 7.95m, null, "France"),
            ],
            lines);
        Directory.Delete(folder, recursive: true);
    }
}
