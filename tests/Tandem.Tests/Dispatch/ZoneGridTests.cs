using Tandem.Brains.Dispatch;

namespace Tandem.Tests.Dispatch;

public sealed class ZoneGridTests
{
    [Fact]
    public void Every_place_lies_in_the_zone_it_is_given_and_zones_are_about_their_size()
    {
        var grid = new ZoneGrid(ZoneKm: 4, EdgeKm: 1.5);
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var place = new Place(-60 + (random.NextDouble() * 120), -180 + (random.NextDouble() * 360));
            var zone = grid.Of(place);
            var area = grid.Area(zone);

            Assert.True(area.Contains(place), $"{place} not in {zone} {area}");
            Assert.Equal(4, TravelModel.Kilometres(new Place(area.South, area.West), new Place(area.North, area.West)), 0.05);
            Assert.Equal(4, TravelModel.Kilometres(new Place(area.Centre.Lat, area.West), new Place(area.Centre.Lat, area.East)), 0.05);
        }
    }

    [Fact]
    public void A_zone_reaches_couriers_up_to_its_edge_distance_outside_it()
    {
        var grid = new ZoneGrid(ZoneKm: 4, EdgeKm: 1.5);
        var zone = grid.Of(new Place(51.5072, -0.1276));
        var area = grid.Area(zone);
        var reach = grid.Reach(zone);
        Place NorthOfEdge(double km) => new(area.North + (km / 111.32), area.Centre.Lon);

        Assert.True(reach.Contains(NorthOfEdge(1.4)));
        Assert.False(reach.Contains(NorthOfEdge(1.6)));
        Assert.False(area.Contains(NorthOfEdge(0.1)));
    }

    [Theory]
    [InlineData("r1c2", true)]
    [InlineData("r-5c-3", true)]
    [InlineData("r1452c-2", true)]
    [InlineData("r01c2", false)]
    [InlineData("r1c", false)]
    [InlineData("rc2", false)]
    [InlineData("x1c2", false)]
    [InlineData("r1c2 ", false)]
    [InlineData("r+1c2", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_zone_key_reads_back_only_in_its_own_spelling(string? text, bool valid)
    {
        Assert.Equal(valid, ZoneKey.TryParse(text, out var zone));
        if (valid)
        {
            Assert.Equal(text, zone.ToString());
        }
    }
}
