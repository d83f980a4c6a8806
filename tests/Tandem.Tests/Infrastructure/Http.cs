using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tandem.Tests.Infrastructure;

/// <summary>Small helpers for talking JSON to the Api.</summary>
public static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ReceiveAsync(this HttpClient client, string sku, string locationId, int quantity, string reference) =>
        client.PostAsJsonAsync($"/api/inventory/{sku}/{locationId}/receipts", new { quantity, reference });

    public static string PickupOrder(string shopperId, string locationId, params (string Sku, int Quantity)[] lines) =>
        JsonSerializer.Serialize(new
        {
            shopperId,
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
            fulfilment = new { mode = "pickup", locationId },
        });

    public static string DeliveryOrder(string shopperId, double lat, double lon, params (string Sku, int Quantity)[] lines) =>
        JsonSerializer.Serialize(new
        {
            shopperId,
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
            fulfilment = new { mode = "delivery", address = new { lat, lon } },
        });
}
