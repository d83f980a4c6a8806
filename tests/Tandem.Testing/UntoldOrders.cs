using Orleans.Core.Internal;

using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// An order placed while its session could not be told of it (the session's writes fail), whose activation — and the
/// retry it scheduled — then went away, the session healing afterwards: only the order's due time brings the news.
/// </summary>
public static class UntoldOrders
{
    public static async Task<(SessionId Session, IOrderGrain Order, OrderResult Placed)> PlaceAsync(IGrainFactory grains)
    {
        var sku = (await TestData.NewProductsAsync(grains, 1))[0];
        await grains.Cell(new CellKey(sku, TestData.Camden.Id)).ReceiveAsync(1, "opening", "tester");
        var session = new SessionId(TestData.NewId("session"));
        if (!await grains.Session(session).ClaimAsync(new ShopperId("Test")))
        {
            throw new InvalidOperationException($"The new session {session.Value} could not be claimed.");
        }

        var order = grains.Order(new OrderId(TestData.NewId("o")));
        FaultyStorage.FailWritesOf(session.Value);
        var placed = await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 1)) with { SessionId = session });
        await order.AsReference<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        FaultyStorage.Heal(session.Value);
        return (session, order, placed);
    }
}
