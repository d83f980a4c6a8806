using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Couriers;

/// <summary>Who needs every courier reads the courier boards (fed by the courier stream), not every courier grain.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CourierBoardTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_move_reaches_the_board_through_the_stream_and_reading_every_courier_reads_no_courier()
    {
        var id = TestData.NewId("board");
        var courier = Grains.Courier(new CourierId(id));
        await courier.RegisterAsync("Board", 2, new GeoPoint { Lat = 51.5, Lon = -0.1 }, CourierStatus.Idle);
        await Grains.CouriersFromBoardsAsync(); // every board is active and has read its couriers once

        var moved = await courier.UpdatePositionAsync(new GeoPoint { Lat = 51.51, Lon = -0.12 }, GrainClusterFixture.Clock.GetUtcNow().AddSeconds(1));
        Assert.Equal(CourierOutcome.Applied, moved.Outcome);
        var seen = await Await.UntilAsync(
            async () => (await Grains.CouriersFromBoardsAsync()).SingleOrDefault(c => c.CourierId == id && c.Version == moved.Courier!.Version),
            TimeSpan.FromSeconds(10));
        var readsBefore = CourierReads.NotByBoards;
        var lists = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Grains.CouriersFromBoardsAsync()));

        Assert.Equal(new GeoPoint { Lat = 51.51, Lon = -0.12 }, seen.Position);
        Assert.All(lists, list => Assert.Contains(list, c => c.CourierId == id));
        Assert.Equal(0, CourierReads.NotByBoards - readsBefore);
    }

    [Fact]
    public async Task A_board_heals_what_the_stream_lost_at_its_next_refresh()
    {
        var id = TestData.NewId(DroppedEvents.Marker);
        var courier = Grains.Courier(new CourierId(id));
        await courier.RegisterAsync("Unheard", 2, new GeoPoint { Lat = 51.5, Lon = -0.1 }, CourierStatus.Idle);
        await Grains.CouriersFromBoardsAsync();

        var moved = await courier.UpdatePositionAsync(new GeoPoint { Lat = 51.52, Lon = -0.13 }, GrainClusterFixture.Clock.GetUtcNow().AddSeconds(1));
        Assert.Equal(CourierOutcome.Applied, moved.Outcome);
        var healed = await Await.UntilAsync(
            async () => (await Grains.CouriersFromBoardsAsync()).SingleOrDefault(c => c.CourierId == id && c.Version == moved.Courier!.Version),
            GrainClusterFixture.BoardRefresh * 5);

        Assert.Equal(new GeoPoint { Lat = 51.52, Lon = -0.13 }, healed.Position);
    }
}
