using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.Hosting;

using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Order placement and behaviour ingestion have a per-client budget.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_their_budget_orders_and_event_batches_get_429_with_Retry_After()
    {
        await using var api = new SmallBudgetApi();
        await api.InitializeAsync();
        using var client = api.ClientAs("shopper", "hasty");
        using var another = api.ClientAs("shopper", "patient");

        var orders = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            orders.Add(await client.PostJsonAsync("/api/orders", "{}", $"budget-{i}"));
        }

        var events = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            events.Add(await client.PostJsonAsync("/api/sessions/budget-session/events", "[]"));
        }

        var catalog = await client.GetAsync(new Uri("/api/categories", UriKind.Relative), TestContext.Current.CancellationToken);
        var anotherShopper = await another.PostJsonAsync("/api/orders", "{}", "budget-0");

        Assert.All(orders.Take(3), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.All(events.Take(2), r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        foreach (var refused in new[] { orders[3], events[2] })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        }

        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, anotherShopper.StatusCode); // budgets are per identity
    }

    private sealed class SmallBudgetApi : ApiFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Tandem:Demo:Seed", "false");
            builder.UseSetting("Tandem:RateLimits:OrdersPerMinute", "3");
            builder.UseSetting("Tandem:RateLimits:EventBatchesPerMinute", "2");
        }
    }
}
