using System.IO.Compression;
using System.Text;

using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Evaluation.Models;
using Tandem.Brains.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

public sealed class BasketCompletionTests
{
    private static readonly DateTimeOffset T0 = new(2011, 8, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_last_item_put_in_is_hidden_and_the_others_ask_for_it()
    {
        var train = new[] { new Basket("1", T0, ["stroller", "wipes", "car-seat"]), new Basket("2", T0, ["stroller", "wipes"]) };
        var test = new[] { new Basket("3", T0.AddDays(1), ["stroller", "wipes"]), new Basket("4", T0.AddDays(2), ["car-seat", "stroller"]) };

        var score = BasketProtocol.Run(new TandemBasketModel(GraphOptions.Purchases, live: false), train, test, cutoff: 1);

        // Each basket gives each item one unit shared among the others: stroller's strongest partner is wipes (1.5 of its
        // 2 units), a hit; car-seat's two partners tie at 0.5 and stroller comes first by id, a hit.
        Assert.Equal(2, score.Predictions);
        Assert.Equal(1, score.HitRate);
        Assert.Equal(1, score.Mrr);
    }

    [Fact]
    public void A_co_purchase_graph_never_suggests_what_the_basket_already_holds()
    {
        var model = new TandemBasketModel(GraphOptions.Purchases, live: false);
        model.Train([new Basket("1", T0, ["a", "b", "c"])]);

        Assert.Equal(["c"], model.Recommend(["a", "b"], 5));
    }

    [Fact]
    public void Unknown_items_are_dropped_before_baskets_under_two_items_are()
    {
        var prepared = BasketProtocol.Prepare([new Basket("1", T0, ["a", "b"])], [new Basket("2", T0, ["a", "x", "b"]), new Basket("3", T0, ["a", "x"])]);

        Assert.Equal(["a", "b"], Assert.Single(prepared).Items);
    }

    [Fact]
    public void A_csv_cell_in_quotes_keeps_its_commas_and_doubled_quotes()
    {
        Assert.Equal(["536365", "SET OF 3 \"CAKE\" TINS, PANTRY", "6", ""], Csv.Split("536365,\"SET OF 3 \"\"CAKE\"\" TINS, PANTRY\",6,"));
    }

    [Fact]
    public void Invoices_become_baskets_of_products_sold_leaving_out_cancellations_fees_and_write_offs()
    {
        var folder = Directory.CreateTempSubdirectory("tandem-retail-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "transactions"));
            WriteGzip(Path.Combine(folder.FullName, "transactions", "online_retail_2011-01.csv.gz"), """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,"WHITE HANGING HEART, T-LIGHT HOLDER",6,2011-01-03 08:26:00,2.55,17850.0,United Kingdom
                536365,71053,WHITE METAL LANTERN,6,2011-01-03 08:26:00,3.39,17850.0,United Kingdom
                536365,POST,POSTAGE,1,2011-01-03 08:26:00,18.00,17850.0,United Kingdom
                536365,85123a,WHITE HANGING HEART T-LIGHT HOLDER,2,2011-01-03 08:26:00,2.55,17850.0,United Kingdom
                C536379,71053,WHITE METAL LANTERN,-1,2011-01-03 09:41:00,3.39,14527.0,United Kingdom
                536380,22423,REGENCY CAKESTAND 3 TIER,1,2011-01-03 09:45:00,0,,United Kingdom
                536381,22423,REGENCY CAKESTAND 3 TIER,-2,2011-01-03 09:50:00,12.75,,United Kingdom
                536382,22423,REGENCY CAKESTAND 3 TIER,2,2011-01-03 10:00:00,12.75,,United Kingdom
                """);

            var baskets = OnlineRetailBaskets.Read(folder.FullName);

            Assert.Equal(
                [("536365", "85123A,71053", new DateTimeOffset(2011, 1, 3, 8, 26, 0, TimeSpan.Zero)), ("536382", "22423", new DateTimeOffset(2011, 1, 3, 10, 0, 0, TimeSpan.Zero))],
                baskets.Select(b => (b.Id, string.Join(',', b.Items), b.At)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void On_UCI_Online_Retail_the_co_purchase_graph_completes_baskets_better_than_popularity()
    {
        var baskets = OnlineRetailBaskets.Read(SharedData.Folder("uci_online_retail"));
        var testFrom = new DateTimeOffset(2011, 8, 2, 0, 0, 0, TimeSpan.Zero);
        var train = baskets.Where(b => b.At < testFrom).ToList();
        var test = BasketProtocol.Prepare(train, [.. baskets.Where(b => b.At >= testFrom)]);

        var popularity = BasketProtocol.Run(new PopularBasketModel(), train, test);
        var graph = BasketProtocol.Run(new TandemBasketModel(GraphOptions.Purchases, live: false), train, test);

        Assert.Equal(11_083, train.Count);
        Assert.Equal(1_188, test.Count);
        Assert.True(graph.HitRate > 2 * popularity.HitRate, $"graph {graph.HitRate}, popularity {popularity.HitRate}");
        Assert.True(graph.Mrr > 2 * popularity.Mrr, $"graph {graph.Mrr}, popularity {popularity.Mrr}");
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n"));
    }
}
