using System.Net;
using System.Text.Json;
using Tandem.Grains.Interfaces.Catalog;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Every bad request gets a 4xx ProblemDetails and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFixture api)
{
    private const string Store = "st-camden";

    // {sku} is a fresh product with 10 units at the store; {courier} a fresh idle courier; {session} a fresh session.
    public static TheoryData<string, string, string, string?, int> Cases => new()
    {
        { "malformed JSON", "/api/orders", """{"shopperId":""", "k", 400 },
        { "truncated JSON array", "/api/orders", """{"shopperId":"s","lines":[{"sku":"{sku}","quantity":1}""", "k", 400 },
        { "no body", "/api/orders", "", "k", 400 },
        { "missing fields", "/api/orders", """{"shopperId":"s"}""", "k", 400 },
        { "quantity as text", "/api/orders", Order("\"many\""), "k", 400 },
        { "fractional quantity", "/api/orders", Order("1.5"), "k", 400 },
        { "zero quantity", "/api/orders", Order("0"), "k", 400 },
        { "negative quantity", "/api/orders", Order("-3"), "k", 400 },
        { "quantity over 1000", "/api/orders", Order("1001"), "k", 400 },
        { "huge quantity", "/api/orders", Order("99999999999"), "k", 400 },
        { "missing idempotency key", "/api/orders", Order("1"), null, 400 },
        { "unknown sku", "/api/orders", """{"shopperId":"s","lines":[{"sku":"NO-SUCH","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"st-camden"}}""", "k", 404 },
        { "unknown pickup location", "/api/orders", """{"shopperId":"s","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"st-nowhere"}}""", "k", 404 },
        { "pickup at a warehouse", "/api/orders", """{"shopperId":"s","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"wh-barking"}}""", "k", 400 },
        { "unknown fulfilment mode", "/api/orders", """{"shopperId":"s","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"teleport"}}""", "k", 400 },
        { "delivery without address", "/api/orders", """{"shopperId":"s","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"delivery"}}""", "k", 400 },
        { "delivery address off the globe", "/api/orders", """{"shopperId":"s","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"delivery","address":{"lat":91,"lon":0}}}""", "k", 400 },
        { "duplicate lines", "/api/orders", """{"shopperId":"s","lines":[{"sku":"{sku}","quantity":1},{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"st-camden"}}""", "k", 400 },
        { "101 lines", "/api/orders", ManyLines(101), "k", 400 },
        { "control characters in shopper id", "/api/orders", """{"shopperId":"a\u0000b","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"st-camden"}}""", "k", 400 },
        { "overlong shopper id", "/api/orders", "{\"shopperId\":\"" + new string('a', 65) + "\",\"lines\":[{\"sku\":\"{sku}\",\"quantity\":1}],\"fulfilment\":{\"mode\":\"pickup\",\"locationId\":\"st-camden\"}}", "k", 400 },
        { "cancel unknown order", "/api/orders/o-000000000000000000000000/cancel", "{}", null, 404 },
        { "receipt of zero", "/api/inventory/{sku}/st-camden/receipts", """{"quantity":0,"reference":"r"}""", null, 400 },
        { "receipt over 1000", "/api/inventory/{sku}/st-camden/receipts", """{"quantity":1001,"reference":"r"}""", null, 400 },
        { "receipt without reference", "/api/inventory/{sku}/st-camden/receipts", """{"quantity":5}""", null, 400 },
        { "receipt for unknown sku", "/api/inventory/NO-SUCH/st-camden/receipts", """{"quantity":5,"reference":"r"}""", null, 404 },
        { "receipt at unknown location", "/api/inventory/{sku}/st-nowhere/receipts", """{"quantity":5,"reference":"r"}""", null, 404 },
        { "negative cycle count", "/api/inventory/{sku}/st-camden/adjustments", """{"countedOnHand":-1,"reason":"x","reference":"c"}""", null, 400 },
        { "position latitude out of range", "/api/couriers/{courier}/position", """{"lat":123,"lon":0,"at":"2026-01-01T00:00:00Z"}""", null, 400 },
        { "position longitude out of range", "/api/couriers/{courier}/position", """{"lat":51.5,"lon":-181,"at":"2026-01-01T00:00:00Z"}""", null, 400 },
        { "position without time", "/api/couriers/{courier}/position", """{"lat":51.5,"lon":-0.1}""", null, 400 },
        { "position of unknown courier", "/api/couriers/nobody-here/position", """{"lat":51.5,"lon":-0.1,"at":"2026-01-01T00:00:00Z"}""", null, 404 },
        { "unknown courier status", "/api/couriers/{courier}/status", """{"status":"flying"}""", null, 400 },
        { "courier status that follows from assignments", "/api/couriers/{courier}/status", """{"status":"toPickup"}""", null, 400 },
        { "cart quantity negative", "/api/sessions/{session}/cart", """{"sku":"{sku}","quantity":-1}""", null, 400 },
        { "cart unknown sku", "/api/sessions/{session}/cart", """{"sku":"NO-SUCH","quantity":1}""", null, 404 },
        { "event batch of 501", "/api/sessions/{session}/events", Events(501), null, 400 },
        { "event of unknown type", "/api/sessions/{session}/events", """[{"type":"teleport","at":"2026-01-01T00:00:00Z"}]""", null, 400 },
        { "event without time", "/api/sessions/{session}/events", """[{"type":"view","sku":"{sku}"}]""", null, 400 },
        { "order body over 64 KB", "/api/orders", Padded(Order("1"), 70_000), "k", 413 },
        { "receipt body over 16 KB", "/api/inventory/{sku}/st-camden/receipts", Padded("""{"quantity":1,"reference":"r"}""", 20_000), null, 413 },
        { "event batch over 256 KB", "/api/sessions/{session}/events", "[" + string.Join(",", Enumerable.Repeat(Padded("""{"type":"view","at":"2026-01-01T00:00:00Z"}""", 3_000), 100)) + "]", null, 413 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_problem_and_changes_nothing(string name, string path, string? body, string? key, int status)
    {
        using var client = api.CreateClient();
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        (await client.ReceiveAsync(sku, Store, 10, "opening")).EnsureSuccessStatusCode();
        var courier = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(courier)).RegisterAsync("Test", 2, new GeoPoint { Lat = 51.5, Lon = -0.1 }, CourierStatus.Idle);
        var session = TestData.NewId("session");
        string Fill(string s) => s.Replace("{sku}", sku, StringComparison.Ordinal)
            .Replace("{courier}", courier, StringComparison.Ordinal).Replace("{session}", session, StringComparison.Ordinal);
        var before = await WorldAsync(client, sku, courier, session);

        using var response = await client.PostJsonAsync(Fill(path), Fill(body ?? ""), key);

        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        Assert.True(problem.RootElement.TryGetProperty("detail", out _) || problem.RootElement.TryGetProperty("errors", out _), $"{name}: no detail or errors");
        Assert.Equal(before, await WorldAsync(client, sku, courier, session));
        if (key is not null)
        {
            var orderId = OrderId.FromIdempotencyKey("s", key);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public async Task Cancelling_a_delivered_order_is_409_and_changes_nothing()
    {
        using var client = api.CreateClient();
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await client.ReceiveAsync(sku, Store, 5, "opening");
        var courier = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(courier)).RegisterAsync("Test", 2, new GeoPoint { Lat = 51.5, Lon = -0.1 }, CourierStatus.Idle);
        var placed = await client.PostJsonAsync("/api/orders", Http.DeliveryOrder("s", 51.54, -0.14, (sku, 1)), "deliver-me");
        var orderId = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("orderId").GetString();
        foreach (var step in new[] { "pack", "dispatch", "picked-up", "delivered" })
        {
            var body = step == "dispatch" ? $$"""{"courierId":"{{courier}}"}""" : "{}";
            (await client.PostJsonAsync($"/api/orders/{orderId}/{step}", body)).EnsureSuccessStatusCode();
        }

        var before = await client.GetStringAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var cancel = await client.PostJsonAsync($"/api/orders/{orderId}/cancel", "{}");

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal("application/problem+json", cancel.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await client.GetStringAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative), TestContext.Current.CancellationToken));
    }

    private static async Task<string> WorldAsync(HttpClient client, string sku, string courier, string session) =>
        string.Join("\n",
            await client.GetStringAsync(new Uri($"/api/products/{sku}/availability", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/api/couriers/{courier}", UriKind.Relative)),
            await client.GetStringAsync(new Uri($"/api/sessions/{session}", UriKind.Relative)));

    private static string Order(string quantity) =>
        """{"shopperId":"s","lines":[{"sku":"{sku}","quantity":""" + quantity + """}],"fulfilment":{"mode":"pickup","locationId":"st-camden"}}""";

    /// <summary>The object with an extra (ignored) property that brings it to about <paramref name="size"/> characters.</summary>
    private static string Padded(string json, int size) => json[..^1] + ",\"padding\":\"" + new string('x', size) + "\"}";

    private static string ManyLines(int count) =>
        JsonSerializer.Serialize(new
        {
            shopperId = "s",
            lines = Enumerable.Range(0, count).Select(i => new { sku = $"SKU-{i}", quantity = 1 }),
            fulfilment = new { mode = "pickup", locationId = "st-camden" },
        });

    private static string Events(int count) =>
        JsonSerializer.Serialize(Enumerable.Range(0, count).Select(i => new { type = "view", sku = "x", at = DateTimeOffset.UnixEpoch.AddSeconds(i) }));
}
