using System.Net;
using System.Text.Json;

using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Cluster;

/// <summary>State lives in PostgreSQL: stopping every process loses nothing.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class RestartTests
{
    [Fact]
    public async Task State_survives_stopping_every_process_and_starting_again()
    {
        await using var cluster = await ProcessCluster.CreateAsync();
        await cluster.StartSiloAsync("silo-1");
        await cluster.StartApiAsync();
        var skus = await cluster.StockedSkusAsync(3, 10);

        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var placed = await cluster.Http.PostJsonAsync(
                "/api/orders", Http.PickupOrder($"session-{i}", TestData.Camden.Id, (skus[i], i + 2)), $"restart-{i}", cluster.Authority.Issue("shopper", $"shopper-{i}"));
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            orders.Add(JsonDocument.Parse(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("orderId").GetString()!);
        }

        (await cluster.Http.PostJsonAsync($"/api/orders/{orders[0]}/pack", "{}")).EnsureSuccessStatusCode();
        (await cluster.Http.PostJsonAsync($"/api/orders/{orders[1]}/cancel", "{}")).EnsureSuccessStatusCode();
        var before = await WorldAsync(cluster.Http, skus, orders);

        await cluster.StopAllAsync();
        await cluster.StartSiloAsync("silo-1-again");
        await cluster.StartApiAsync();
        var after = await WorldAsync(cluster.Http, skus, orders);

        Assert.Equal(before, after);
        Assert.Equal(0L, await Postgres.ScalarAsync<long>(cluster.Settings.ConnectionString,
            "SELECT count(*) FROM orleans_storage WHERE grain_type <> 'PubSubRendezvousGrain' AND position('$type' in convert_from(payload, 'UTF8')) > 0"));
        Assert.Contains("\"status\":\"packed\"", after, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"cancelled\"", after, StringComparison.Ordinal);
    }

    private static async Task<string> WorldAsync(HttpClient http, string[] skus, List<string> orders)
    {
        var parts = new List<string>();
        foreach (var sku in skus)
        {
            parts.Add(await http.GetStringAsync(new Uri($"/api/inventory/{sku}/{TestData.Camden.Id}", UriKind.Relative)));
        }

        foreach (var order in orders)
        {
            parts.Add(await http.GetStringAsync(new Uri($"/api/orders/{order}", UriKind.Relative)));
        }

        return string.Join("\n", parts);
    }
}
