using System.Net;
using System.Text.Json;

using Tandem.Contracts.Inventory;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Cluster;

/// <summary>After a fault: every acknowledged order exists, and every cell holds exactly what those orders hold.</summary>
public static class Reconciliation
{
    public static async Task AssertAsync(HttpClient http, OrderLoad load, IEnumerable<string> skus, string locationId, int stock, string report)
    {
        Assert.Equal(load.Acknowledged.Count, load.Acknowledged.Values.Select(o => o.OrderId).Distinct().Count());
        foreach (var order in load.Acknowledged.Values)
        {
            var read = await http.GetAsync(new Uri($"/api/orders/{order.OrderId}", UriKind.Relative));
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"order {order.OrderId} lost ({report})");
        }

        foreach (var sku in skus)
        {
            var cell = JsonSerializer.Deserialize<CellSnapshot>(
                await http.GetStringAsync(new Uri($"/api/inventory/{sku}/{locationId}", UriKind.Relative)), ApiFixture.Json)!;
            var held = load.Acknowledged.Values.SelectMany(o => o.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity);
            Assert.True(cell.Reserved == held, $"{sku}: cell holds {cell.Reserved}, acknowledged orders hold {held} ({report})");
            Assert.Equal((stock, 0), (cell.OnHand, cell.Committed));
            Assert.True(cell.Available >= 0 && held <= stock, $"{sku} oversold: {held} of {stock}");
        }
    }

    public static string Describe(OrderLoad load) =>
        $"acknowledged {load.Acknowledged.Count}, refused {load.Refused}, unavailable {load.Unavailable}, other {load.OtherFailures}; "
        + "unanswered or 503 by second: "
        + string.Join(" ", load.Timeline.Where(t => t.Status is null or HttpStatusCode.ServiceUnavailable)
            .GroupBy(t => (int)t.At.TotalSeconds).OrderBy(g => g.Key).Select(g => $"{g.Key}s:{g.Count()}"))
        + $"; slowest answer {load.Timeline.Max(t => t.Took).TotalSeconds:0.00} s";
}
