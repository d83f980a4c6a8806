using System.Net;
using System.Text.Json;

using Tandem.Grains.Interfaces.Keys;
using Tandem.Hosting.Demo;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class HostTests(ApiFixture api)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Pages_have_an_icon_and_a_page_or_file_not_there_is_404_for_everyone()
    {
        using var client = api.CreateClient();

        var icon = await client.GetAsync(new Uri("/favicon.svg", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var missing = await Task.WhenAll(new[] { "/favicon.ico", "/no-such-page", "/build/no-such.js", "/courier/no-such/page.html" }
            .Select(path => client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken)));
        var unknownApi = await client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "image/svg+xml"), (icon.StatusCode, icon.Content.Headers.ContentType!.MediaType));
        Assert.Contains("""<link rel="icon" href="/favicon.svg" type="image/svg+xml">""", page, StringComparison.Ordinal);
        Assert.All(missing, r => Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (r.StatusCode, r.Content.Headers.ContentType!.MediaType)));
        Assert.Equal(HttpStatusCode.Unauthorized, unknownApi.StatusCode); // the API asks for a token before it says anything
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_v1_contract()
    {
        using var client = api.CreateClient();

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "/api/products", "/api/products/{sku}", "/api/products/{sku}/availability", "/api/locations",
                "/api/inventory/{sku}/{locationId}/receipts", "/api/orders", "/api/orders/{orderId}", "/api/orders/{orderId}/cancel",
                "/api/couriers", "/api/couriers/{courierId}/position", "/api/couriers/{courierId}/status",
                "/api/sessions/{sessionId}/cart", "/api/sessions/{sessionId}", "/api/sessions/{sessionId}/events", "/api/dev/token",
            },
            paths);
        var scheme = doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        var operations = doc.RootElement.GetProperty("paths");
        Assert.True(operations.GetProperty("/api/orders").GetProperty("post").TryGetProperty("security", out _), "placing an order needs a token");
        Assert.False(operations.GetProperty("/api/products").GetProperty("get").TryGetProperty("security", out _), "the catalog is open");
    }

    [Fact]
    public async Task The_demo_catalog_lists_every_demo_product_category_and_location()
    {
        var city = new DemoCity(new DemoOptions().RandomSeed);
        var demoCategories = city.Products.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        using var client = api.CreateClient();

        using var page = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/products?take=1", UriKind.Relative), TestContext.Current.CancellationToken));
        using var inCategory = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/products?take=1&category={demoCategories[0]}", UriKind.Relative), TestContext.Current.CancellationToken));
        using var categories = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/categories", UriKind.Relative), TestContext.Current.CancellationToken));
        using var locations = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/locations", UriKind.Relative), TestContext.Current.CancellationToken));
        using var travel = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/products?q=newborn-travel&take=100", UriKind.Relative), TestContext.Current.CancellationToken));

        // Other tests add products of category "test" to the same catalog; the demo's own are counted exactly.
        var testProducts = (await api.Grains.Catalog().SearchAsync("test", null, 0, 1)).Total;
        Assert.Equal((400, 10), (city.Products.Count, demoCategories.Count));
        Assert.Equal(city.Products.Count + testProducts, page.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(city.Products.Count(p => p.Category == demoCategories[0]), inCategory.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(demoCategories, categories.RootElement.EnumerateArray().Select(c => c.GetString()!).Where(c => c != "test").Order(StringComparer.Ordinal));
        var listed = locations.RootElement.EnumerateArray().Select(l => (Id: l.GetProperty("id").GetString()!, Kind: l.GetProperty("kind").GetString()!)).ToList();
        Assert.Equal(city.Locations.Select(l => l.Id).Order(StringComparer.Ordinal), listed.Select(l => l.Id).Where(id => !id.StartsWith("t-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal((2, 9), (listed.Count(l => l.Kind == "warehouse" && !l.Id.StartsWith("t-", StringComparison.Ordinal)), listed.Count(l => l.Kind == "store" && !l.Id.StartsWith("t-", StringComparison.Ordinal))));
        Assert.Equal(city.Products.Count(p => p.SceneTags.Contains("newborn-travel")), travel.RootElement.GetProperty("total").GetInt32());
        Assert.All(travel.RootElement.GetProperty("items").EnumerateArray(),
            p => Assert.Contains("newborn-travel", p.GetProperty("sceneTags").EnumerateArray().Select(t => t.GetString())));
    }

    [Fact]
    public async Task Metrics_for_Prometheus_include_Tandem_and_Orleans_meters_and_the_dashboard_is_served_to_operators()
    {
        using var client = api.Ops();
        using var anonymous = api.CreateClient();
        using var shopper = api.ClientAs("shopper", "metrics");
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await client.ReceiveAsync(sku, "st-camden", 2, "opening");
        (await shopper.PostJsonAsync("/api/orders", Http.PickupOrder(TestData.NewId("session"), "st-camden", (sku, 1)), "metrics-1")).EnsureSuccessStatusCode();

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var dashboard = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        withCookie.Headers.Add("Cookie", "tandem.token=" + api.Token("ops", "cookie-operator"));
        var dashboardByCookie = await anonymous.SendAsync(withCookie, TestContext.Current.CancellationToken);
        var refused = new[]
        {
            await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken),
            await anonymous.GetAsync(new Uri("/dashboard/", UriKind.Relative), TestContext.Current.CancellationToken),
            await shopper.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken),
            await shopper.GetAsync(new Uri("/dashboard/", UriKind.Relative), TestContext.Current.CancellationToken),
        };

        Assert.Contains("tandem_inventory_reservations_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("tandem_orders_transitions_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (dashboard.StatusCode, dashboardByCookie.StatusCode));
        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            refused.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_the_pages_may_run_only_our_own_scripts()
    {
        using var client = api.CreateClient();

        var apiResponse = await client.GetAsync(new Uri("/api/categories", UriKind.Relative), TestContext.Current.CancellationToken);
        var refused = await client.GetAsync(new Uri("/api/couriers", UriKind.Relative), TestContext.Current.CancellationToken);
        var reference = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var response in new[] { apiResponse, refused, reference })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }

        var policy = apiResponse.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal(policy, refused.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("frame-ancestors 'none'", reference.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData(ApiFixture.AllowedOrigin, true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task Only_configured_origins_may_call_the_api_from_a_browser(string origin, bool allowed)
    {
        using var client = api.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/orders");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");

        using var response = await client.SendAsync(preflight, TestContext.Current.CancellationToken);

        var granted = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        Assert.Equal(allowed ? origin : null, granted);
    }
}
