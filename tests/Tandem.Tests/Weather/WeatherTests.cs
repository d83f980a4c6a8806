using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using Tandem.Contracts.Weather;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Weather;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Weather;

/// <summary>Rain set by operators is idempotent; the weather feed (a file or HTTP) replaces its own areas, and a broken reading changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class WeatherTests(ApiFixture api)
{
    [Fact]
    public async Task Setting_the_same_rain_200_times_at_once_holds_one_area_and_clearing_it_twice_is_fine()
    {
        using var ops = api.Ops();
        var id = TestData.NewId("rain");
        var until = DateTimeOffset.UtcNow.AddMinutes(30);
        var body = new { lat = 51.5, lon = -0.12, radiusKm = 2.5, mmPerHour = 3.0, until };

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            ops.PutAsJsonAsync($"/api/weather/rain/{id}", body, ApiFixture.Json, TestContext.Current.CancellationToken)));
        var weather = await ops.GetFromJsonAsync<WeatherResponse>("/api/weather", ApiFixture.Json, TestContext.Current.CancellationToken);
        var cleared = await ops.DeleteAsync($"/api/weather/rain/{id}", TestContext.Current.CancellationToken);
        var clearedAgain = await ops.DeleteAsync($"/api/weather/rain/{id}", TestContext.Current.CancellationToken);
        var after = await ops.GetFromJsonAsync<WeatherResponse>("/api/weather", ApiFixture.Json, TestContext.Current.CancellationToken);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var area = Assert.Single(weather!.Rain, r => r.Id == id);
        Assert.Equal((51.5, -0.12, 2.5, 3.0, until.ToUniversalTime(), "ops"), (area.Lat, area.Lon, area.RadiusKm, area.MmPerHour, area.Until, area.Source));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (cleared.StatusCode, clearedAgain.StatusCode));
        Assert.DoesNotContain(after!.Rain, r => r.Id == id);
    }

    [Fact]
    public async Task A_feed_file_reading_replaces_the_last_one_and_a_broken_one_leaves_it()
    {
        var path = Path.Combine(Path.GetTempPath(), TestData.NewId("weather") + ".json");
        var reader = Reader(new FileWeatherFeed(path));
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        try
        {
            await File.WriteAllTextAsync(path, $$"""{"rain":[{"id":"a1","lat":51.5,"lon":-0.1,"radiusKm":3,"mmPerHour":2,"until":"{{until}}"},{"id":"a2","lat":51.4,"lon":-0.2,"radiusKm":1,"until":"{{until}}"}]}""", TestContext.Current.CancellationToken);
            var first = await reader.ReadOnceAsync(TestContext.Current.CancellationToken);
            var afterFirst = await FeedAreasAsync();
            await File.WriteAllTextAsync(path, $$"""{"rain":[{"id":"a2","lat":51.4,"lon":-0.2,"radiusKm":1,"until":"{{until}}"}]}""", TestContext.Current.CancellationToken);
            var second = await reader.ReadOnceAsync(TestContext.Current.CancellationToken);
            var afterSecond = await FeedAreasAsync();
            await File.WriteAllTextAsync(path, $$"""{"rain":[{"id":"a3","lat":51.4,"lon":-0.2,"radiusKm":0,"until":"{{until}}"}]}""", TestContext.Current.CancellationToken);
            var zeroRadius = await reader.ReadOnceAsync(TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(path, """{"rain":[{"id":""", TestContext.Current.CancellationToken);
            var truncated = await reader.ReadOnceAsync(TestContext.Current.CancellationToken);
            File.Delete(path);
            var missing = await reader.ReadOnceAsync(TestContext.Current.CancellationToken);

            Assert.Equal((true, true), (first, second));
            Assert.Equal(["feed:a1", "feed:a2"], afterFirst.Select(a => a.Id));
            Assert.Equal((2.0, 4.0), (afterFirst[0].MmPerHour, afterFirst[1].MmPerHour)); // 4 mm/h when the feed does not say
            Assert.Equal(["feed:a2"], afterSecond.Select(a => a.Id));
            Assert.Equal((false, false, false), (zeroRadius, truncated, missing));
            Assert.Equal(["feed:a2"], (await FeedAreasAsync()).Select(a => a.Id));
        }
        finally
        {
            File.Delete(path);
            await api.Grains.Weather().ReplaceFeedAsync([]);
        }
    }

    [Fact]
    public async Task A_feed_served_over_http_is_read_the_same_way()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var body = System.Text.Encoding.UTF8.GetBytes($$"""{"rain":[{"id":"storm","lat":51.52,"lon":-0.08,"radiusKm":4.5,"mmPerHour":12,"until":"{{until}}"}]}""");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }, TestContext.Current.CancellationToken);
        var reader = Reader(WeatherRegistration.For($"http://127.0.0.1:{port}/weather"));
        try
        {
            var read = await reader.ReadOnceAsync(TestContext.Current.CancellationToken);
            await serving;

            Assert.True(read);
            var area = Assert.Single(await FeedAreasAsync());
            Assert.Equal(("feed:storm", 51.52, -0.08, 4.5, 12.0, "feed"), (area.Id, area.Lat, area.Lon, area.RadiusKm, area.MmPerHour, area.Source));
        }
        finally
        {
            await api.Grains.Weather().ReplaceFeedAsync([]);
        }
    }

    private WeatherFeedReader Reader(IWeatherFeed feed) =>
        new(feed, api.Grains, Options.Create(new WeatherOptions { Feed = feed.Name }), NullLogger<WeatherFeedReader>.Instance);

    private async Task<List<RainArea>> FeedAreasAsync() =>
        [.. (await api.Grains.Weather().GetRainAsync()).Where(a => a.Source == WeatherGrain.FeedSource)];

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
