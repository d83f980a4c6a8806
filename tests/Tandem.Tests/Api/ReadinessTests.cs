using System.Net;

using Microsoft.AspNetCore.Hosting;

using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>An Api whose catalog has no locations yet is not ready: a client would see an empty shop.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly EmptyCatalogApi _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Ready_only_once_the_catalog_has_locations()
    {
        using var client = _api.CreateClient();

        var empty = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        await _api.Grains.Catalog().UpsertAsync([], [TestData.Camden]);
        var stocked = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.OK), (empty.StatusCode, live.StatusCode, stocked.StatusCode));
        Assert.Equal("Unhealthy", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The Api as a user starts it, without the demo city.</summary>
    private sealed class EmptyCatalogApi : ApiFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Tandem:Demo:Seed", "false");
        }
    }
}
