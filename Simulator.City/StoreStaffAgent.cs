using System.Text.Json;

using Microsoft.AspNetCore.SignalR.Client;

using Tandem.Contracts.Hubs;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Orders;

namespace Tandem.Simulator.City;

/// <summary>
/// The people in the stores and warehouses, signed in as operators and following the control-room feed: they
/// pick and pack reserved orders, put pickup orders out for collection and hand them over when the shopper
/// comes, and receive a delivery when a shelf runs low.
/// </summary>
public sealed class StoreStaffAgent(TandemClient client, Random random, SimulatedTime time, CityStats stats)
{
    private const int LowStock = 2;
    private const int Replenishment = 20;

    private readonly HashSet<string> _handled = [];
    private readonly Lock _gate = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var hub = client.Hub(HubContract.Routes.Ops);
        hub.On<JsonElement[]>(HubContract.Events.Event, batch => OnBatch(batch, cancellationToken));
        await hub.StartAsync(cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private void OnBatch(JsonElement[] batch, CancellationToken cancellationToken)
    {
        foreach (var e in batch)
        {
            var kind = e.GetProperty("kind").GetString();
            var data = e.GetProperty("data");
            if (kind == "order")
            {
                var order = data.GetProperty("order").Deserialize<OrderView>(TandemClient.Json)!;
                if (order.Status == OrderStatus.Reserved && Once("pack:" + order.OrderId))
                {
                    _ = Later(SimulatedTime.Between(random, 20, 90), () => PackAsync(order, cancellationToken), cancellationToken);
                }
            }
            else if (kind == "stock")
            {
                var change = data.Deserialize<StockChanged>(TandemClient.Json)!;
                var cell = change.Cell;
                if (change.Reason == StockChangeReason.Reserved && cell.Available <= LowStock && Once($"restock:{cell.Sku}@{cell.LocationId}:{cell.Version / 10}"))
                {
                    _ = Later(SimulatedTime.Between(random, 60, 300), async () =>
                    {
                        await client.PostAsync($"/api/inventory/{cell.Sku}/{cell.LocationId}/receipts",
                            new { quantity = Replenishment, reference = $"sim-{cell.Sku}-{cell.LocationId}-{cell.Version}" }, cancellationToken);
                        Interlocked.Increment(ref stats.Restocks);
                    }, cancellationToken);
                }
            }
        }
    }

    private async Task PackAsync(OrderView order, CancellationToken cancellationToken)
    {
        var (status, _) = await client.PostAsync($"/api/orders/{order.OrderId}/pack", new { }, cancellationToken);
        if (status != 200)
        {
            return;
        }

        Interlocked.Increment(ref stats.Packed);
        if (order.Mode == FulfilmentMode.Pickup)
        {
            await time.WaitAsync(SimulatedTime.Between(random, 10, 40), cancellationToken);
            await client.PostAsync($"/api/orders/{order.OrderId}/ready-for-pickup", new { }, cancellationToken);
            await time.WaitAsync(SimulatedTime.Between(random, 120, 900), cancellationToken); // the shopper comes by
            if ((await client.PostAsync($"/api/orders/{order.OrderId}/picked-up", new { }, cancellationToken)).Status == 200)
            {
                Interlocked.Increment(ref stats.Collected);
            }
        }
    }

    private bool Once(string key)
    {
        lock (_gate)
        {
            return _handled.Add(key);
        }
    }

    private async Task Later(TimeSpan simulated, Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await time.WaitAsync(simulated, cancellationToken);
            await action();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception)
        {
            Interlocked.Increment(ref stats.Errors);
        }
    }
}
