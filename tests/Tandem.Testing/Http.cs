using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tandem.Tests.Infrastructure;

/// <summary>Small helpers for talking JSON to the Api.</summary>
public static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A return request's body that passes the pre-check: a wrong size, opened but unused, tags on, with <see cref="TestData.TagPhoto"/>.</summary>
    public static string ReturnBody(string orderId, string sku, int quantity) => JsonSerializer.Serialize(new
    {
        orderId, sku, quantity, reason = "wrongSize", condition = "openedUnused", tagsAttached = true,
        photo = new { type = "image/jpeg", data = Convert.ToBase64String(TestData.TagPhoto) },
    });

    /// <summary>POSTs JSON; <paramref name="token"/>, when given, signs this request in instead of the client's default.</summary>
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, string? idempotencyKey = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ReceiveAsync(this HttpClient client, string sku, string locationId, int quantity, string reference) =>
        client.PostAsJsonAsync($"/api/inventory/{sku}/{locationId}/receipts", new { quantity, reference });

    /// <summary>A pickup order in session <paramref name="sessionId"/> (claimed by the first shopper to use it).</summary>
    public static string PickupOrder(string sessionId, string locationId, params (string Sku, int Quantity)[] lines) =>
        JsonSerializer.Serialize(new
        {
            sessionId,
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
            fulfilment = new { mode = "pickup", locationId },
        });

    public static string DeliveryOrder(string sessionId, double lat, double lon, params (string Sku, int Quantity)[] lines) =>
        JsonSerializer.Serialize(new
        {
            sessionId,
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
            fulfilment = new { mode = "delivery", address = new { lat, lon } },
        });
}
