using Orleans.Core.Internal;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

/// <summary>The sweeper runs by itself: nobody sweeps by hand here, the silo started it.</summary>
public sealed class OrderSweeperTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_duty_left_by_an_activation_that_died_is_delivered_once_the_order_is_due_without_anyone_sweeping()
    {
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).ReceiveAsync(1, "opening", "tester");
        var sessionId = new SessionId(TestData.NewId("session"));
        Assert.True(await Grains.Session(sessionId).ClaimAsync(new ShopperId("Test")));
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        FaultyStorage.FailWritesOf(sessionId.Value); // the session cannot be told of the order

        var placed = await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 1)) with { SessionId = sessionId });
        await order.AsReference<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken); // its retry dies with it
        FaultyStorage.Heal(sessionId.Value);
        var told = await Await.UntilAsync(
            async () => (await Grains.Session(sessionId).GetAsync()) is { OpenOrders.Count: > 0 } session ? session : null,
            TimeSpan.FromSeconds(30));

        Assert.Equal(OrderOutcome.Applied, placed.Outcome);
        Assert.Equal([order.GetPrimaryKeyString()], told.OpenOrders);
    }
}
