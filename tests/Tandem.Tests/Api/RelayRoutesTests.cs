using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

using Tandem.Api.Relay;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Orders;

namespace Tandem.Tests.Api;

/// <summary>Each feature declares the relay of its own stream; one owner per stream, all declared before the relay starts.</summary>
public sealed class RelayRoutesTests
{
    [Fact]
    public async Task A_stream_has_one_relay_route_and_none_can_be_declared_once_the_relay_started()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<RelayRoutes>();
        await using var app = builder.Build();

        app.Relay<StockChanged>(StockChanged.StreamNamespace, StockChanged.OpsKind, e => e.At, static (_, _) => Task.CompletedTask);
        var twice = Assert.Throws<InvalidOperationException>(() =>
            app.Relay<StockChanged>(StockChanged.StreamNamespace, "stock-again", e => e.At, static (_, _) => Task.CompletedTask));
        app.Services.GetRequiredService<RelayRoutes>().Freeze();
        var late = Assert.Throws<InvalidOperationException>(() =>
            app.Relay<OrderChanged>(OrderChanged.StreamNamespace, OrderChanged.OpsKind, e => e.Transition.At, static (_, _) => Task.CompletedTask));

        Assert.Equal("tandem.stock already has a relay route; one feature owns each stream.", twice.Message);
        Assert.Equal("The relay of tandem.orders was declared after the relay started; declare routes while mapping endpoints.", late.Message);
    }
}
