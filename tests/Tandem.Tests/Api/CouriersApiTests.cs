using System.Net;
using System.Net.Http.Json;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class CouriersApiTests(ApiFixture api)
{
    [Fact]
    public async Task The_demo_city_lists_its_40_couriers_with_their_positions()
    {
        using var client = api.Ops();

        var couriers = await client.GetFromJsonAsync<CourierView[]>("/api/couriers", ApiFixture.Json, TestContext.Current.CancellationToken);

        var demo = couriers!.Where(c => c.CourierId.StartsWith("courier-", StringComparison.Ordinal) && c.CourierId.Length == 11).ToList();
        Assert.Equal(40, demo.Count);
        Assert.All(demo, c => Assert.NotNull(c.Position));
    }

    [Fact]
    public async Task Positions_that_go_back_in_time_are_ignored()
    {
        var id = await NewCourierAsync();
        using var client = api.ClientAs("courier", id);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-1);

        var newer = await client.PostAsJsonAsync($"/api/couriers/{id}/position", new { lat = 51.51, lon = -0.12, at = t0.AddSeconds(10) }, TestContext.Current.CancellationToken);
        var older = await client.PostAsJsonAsync($"/api/couriers/{id}/position", new { lat = 51.60, lon = -0.30, at = t0 }, TestContext.Current.CancellationToken);
        var courier = await client.GetFromJsonAsync<CourierView>($"/api/couriers/{id}", ApiFixture.Json, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, newer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal(CourierOutcome.Stale, (await older.Content.ReadFromJsonAsync<CourierCommandResponse>(ApiFixture.Json, TestContext.Current.CancellationToken))!.Outcome);
        Assert.Equal((51.51, -0.12), (courier!.Position!.Lat, courier.Position.Lon));
        Assert.Equal(t0.AddSeconds(10), courier.PositionAt);
    }

    [Fact]
    public async Task Going_offline_and_back_is_idempotent_and_refused_while_carrying()
    {
        var id = await NewCourierAsync();
        using var client = api.ClientAs("courier", id);

        var off = await client.PostAsJsonAsync($"/api/couriers/{id}/status", new { status = "offline" }, TestContext.Current.CancellationToken);
        var offAgain = await client.PostAsJsonAsync($"/api/couriers/{id}/status", new { status = "offline" }, TestContext.Current.CancellationToken);
        var on = await client.PostAsJsonAsync($"/api/couriers/{id}/status", new { status = "idle" }, TestContext.Current.CancellationToken);
        await api.Grains.Courier(new CourierId(id)).AssignAsync(new CourierAssignment
        {
            OrderId = "o-test", PickupLocationId = "st-camden", Pickup = new GeoPoint { Lat = 51.5, Lon = -0.1 },
            Dropoff = new GeoPoint { Lat = 51.6, Lon = -0.1 }, AssignedAt = DateTimeOffset.UtcNow,
        });
        var offWhileCarrying = await client.PostAsJsonAsync($"/api/couriers/{id}/status", new { status = "offline" }, TestContext.Current.CancellationToken);

        Assert.Equal(CourierOutcome.Applied, (await off.Content.ReadFromJsonAsync<CourierCommandResponse>(ApiFixture.Json, TestContext.Current.CancellationToken))!.Outcome);
        Assert.Equal(CourierOutcome.Replayed, (await offAgain.Content.ReadFromJsonAsync<CourierCommandResponse>(ApiFixture.Json, TestContext.Current.CancellationToken))!.Outcome);
        Assert.Equal(CourierStatus.Idle, (await on.Content.ReadFromJsonAsync<CourierCommandResponse>(ApiFixture.Json, TestContext.Current.CancellationToken))!.Courier.Status);
        Assert.Equal(HttpStatusCode.Conflict, offWhileCarrying.StatusCode);
        Assert.Equal(CourierStatus.ToPickup, (await api.Grains.Courier(new CourierId(id)).GetAsync())!.Status);
    }

    [Fact]
    public async Task A_courier_acts_only_as_themself_and_an_operator_for_anyone()
    {
        var me = await NewCourierAsync();
        var other = await NewCourierAsync();
        using var courier = api.ClientAs("courier", me);
        using var ops = api.Ops();
        using var shopper = api.ClientAs("shopper", "shopper-c");
        var at = DateTimeOffset.UtcNow;

        var answers = new[]
        {
            await courier.PostAsJsonAsync($"/api/couriers/{other}/position", new { lat = 51.5, lon = -0.1, at }, TestContext.Current.CancellationToken),
            await courier.PostAsJsonAsync($"/api/couriers/{other}/status", new { status = "offline" }, TestContext.Current.CancellationToken),
            await courier.GetAsync(new Uri($"/api/couriers/{other}", UriKind.Relative), TestContext.Current.CancellationToken),
            await courier.GetAsync(new Uri("/api/couriers", UriKind.Relative), TestContext.Current.CancellationToken),
            await shopper.GetAsync(new Uri($"/api/couriers/{me}", UriKind.Relative), TestContext.Current.CancellationToken),
            await ops.PostAsJsonAsync($"/api/couriers/{other}/position", new { lat = 51.5, lon = -0.1, at }, TestContext.Current.CancellationToken),
        };
        var own = await courier.GetAsync(new Uri($"/api/couriers/{me}", UriKind.Relative), TestContext.Current.CancellationToken);
        var byOps = await ops.PostAsJsonAsync($"/api/couriers/{other}/status", new { status = "offline" }, TestContext.Current.CancellationToken);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
        Assert.All(answers, a => Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (own.StatusCode, byOps.StatusCode));
        var untouched = await api.Grains.Courier(new CourierId(other)).GetAsync();
        Assert.Equal((CourierStatus.Offline, (DateTimeOffset?)null), (untouched!.Status, untouched.PositionAt));
    }

    private async Task<string> NewCourierAsync()
    {
        var id = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(id)).RegisterAsync("Test", 2, null, CourierStatus.Idle);
        return id;
    }
}
