using Microsoft.AspNetCore.SignalR;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Hubs;

/// <summary>Shoppers watch products (live stock) and their orders.</summary>
public sealed class ShopHub : Hub
{
    public Task WatchProduct(string sku) =>
        Groups.AddToGroupAsync(Context.ConnectionId, HubContract.Groups.Product(Require(sku, "sku")));

    public Task UnwatchProduct(string sku) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubContract.Groups.Product(Require(sku, "sku")));

    public Task WatchOrder(string orderId) =>
        Groups.AddToGroupAsync(Context.ConnectionId, HubContract.Groups.Order(Require(orderId, "order id")));

    public Task UnwatchOrder(string orderId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubContract.Groups.Order(Require(orderId, "order id")));

    internal static string Require(string? value, string what) =>
        Identifier.IsValid(value) ? value! : throw new HubException($"Not a valid {what}.");
}
