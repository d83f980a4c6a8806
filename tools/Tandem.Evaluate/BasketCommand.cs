using System.Globalization;

using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Evaluation.Models;
using Tandem.Brains.Recommendations;

namespace Tandem.Evaluate;

/// <summary>Basket completion on UCI Online Retail invoices: leave the last item out of each test basket; the test is the last <c>--test-days</c> days.</summary>
internal static class BasketCommand
{
    public static int Run(Arguments args)
    {
        var baskets = OnlineRetailBaskets.Read(args.Folder);
        var testDays = args.Number("test-days", 30);
        var cutoff = args.Number("cutoff", 20);
        var testFrom = new DateTimeOffset(baskets[^1].At.UtcDateTime.Date.AddDays(1 - testDays), TimeSpan.Zero);
        var train = baskets.Where(b => b.At < testFrom).ToList();
        var test = BasketProtocol.Prepare(train, [.. baskets.Where(b => b.At >= testFrom)]);
        var from = testFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Console.WriteLine($"Basket completion, UCI Online Retail: train before {from} ({train.Count:N0} baskets), test from {from} ({test.Count:N0} baskets of two or more known items; the last item put in is hidden)");
        var options = GraphOptions.Purchases;
        IBasketModel[] models = [new PopularBasketModel(), new TandemBasketModel(options, live: false), new TandemBasketModel(options, live: true)];
        Report.NextItem("basket-completion-uci", new { testFrom = from, trainBaskets = train.Count, testBaskets = test.Count }, [.. models.Select(m => BasketProtocol.Run(m, train, test, cutoff))]);
        return 0;
    }
}
