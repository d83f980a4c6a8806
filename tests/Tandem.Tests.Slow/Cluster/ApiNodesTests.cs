using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Hubs;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Json;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Cluster;

/// <summary>Api nodes are stateless clients of the cluster; each relays events to its own SignalR clients.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class ApiNodesTests
{
    [Fact]
    public async Task Browsers_on_two_Api_nodes_both_see_a_stock_change_made_through_one_of_them()
    {
        await using var cluster = await ProcessCluster.CreateAsync();
        await cluster.StartSiloAsync("silo-1");
        await cluster.StartApiAsync();
        var secondPort = TandemProcess.FreePort();
        await cluster.StartExtraApiAsync("api-2", secondPort);
        var sku = (await cluster.StockedSkusAsync(1, 5))[0];

        await using var first = Watcher(cluster.ApiPort);
        await using var second = Watcher(secondPort);
        var seenOnFirst = Await(first, sku);
        var seenOnSecond = Await(second, sku);
        foreach (var hub in new[] { first, second })
        {
            await hub.StartAsync(TestContext.Current.CancellationToken);
            await hub.InvokeAsync(HubContract.Methods.WatchProduct, sku, TestContext.Current.CancellationToken);
        }

        (await cluster.Http.PostJsonAsync("/api/orders", Http.PickupOrder("two-nodes", TestData.Camden.Id, (sku, 2)), "two-nodes-1", cluster.Authority.Issue("shopper", "two-nodes")))
            .EnsureSuccessStatusCode();

        var a = await Infrastructure.Await.WithinAsync(seenOnFirst, TimeSpan.FromSeconds(5), "stockChanged on the first Api node");
        var b = await Infrastructure.Await.WithinAsync(seenOnSecond, TimeSpan.FromSeconds(5), "stockChanged on the second Api node");
        Assert.Equal((5, 2), (a.Cell.OnHand, a.Cell.Reserved));
        Assert.Equal(a.Cell.Version, b.Cell.Version);
    }

    private static HubConnection Watcher(int port) =>
        new HubConnectionBuilder()
            .WithUrl($"http://127.0.0.1:{port}{HubContract.Routes.Shop}")
            .AddJsonProtocol(o => TandemJson.Configure(o.PayloadSerializerOptions))
            .Build();

    private static Task<StockChanged> Await(HubConnection hub, string sku)
    {
        var seen = new TaskCompletionSource<StockChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<StockChanged>(HubContract.Events.StockChanged, change =>
        {
            if (change.Cell.Sku == sku && change.Reason == StockChangeReason.Reserved)
            {
                seen.TrySetResult(change);
            }
        });
        return seen.Task;
    }
}
