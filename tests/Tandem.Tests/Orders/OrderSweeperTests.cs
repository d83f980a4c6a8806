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
        var (sessionId, order, placed) = await UntoldOrders.PlaceAsync(Grains);

        var told = await Await.UntilAsync(
            async () => (await Grains.Session(sessionId).GetAsync()) is { OpenOrders.Count: > 0 } session ? session : null,
            TimeSpan.FromSeconds(30));

        Assert.Equal(OrderOutcome.Applied, placed.Outcome);
        Assert.Equal([order.GetPrimaryKeyString()], told.OpenOrders);
    }
}
