using System.Net.Http.Headers;
using System.Text.Json;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Identity;
using Tandem.Contracts.Json;

namespace Tandem.Simulator.City;

/// <summary>One signed-in user's view of Tandem's public API and hubs, as a browser or phone would have it.</summary>
public sealed class TandemClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;

    private TandemClient(HttpClient http, Uri baseUrl, string subject, string token)
    {
        _http = http;
        _baseUrl = baseUrl;
        Subject = subject;
        Token = token;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public string Subject { get; }

    public string Token { get; }

    /// <summary>
    /// Signs in with a development token from <paramref name="issuer"/>: Tandem itself in embedded mode, or the
    /// stand-alone development issuer a cluster trusts.
    /// </summary>
    public static async Task<TandemClient> SignInAsync(Uri baseUrl, Uri issuer, string role, string subject, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(15) };
        var issued = await http.PostAsJsonAsync(new Uri(issuer, "/api/dev/token"), new { role, subject }, cancellationToken);
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<TokenResponse>(Json, cancellationToken))!;
        return new TandemClient(http, baseUrl, subject, token.AccessToken);
    }

    public async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<T>(path, Json, cancellationToken);

    /// <summary>POSTs a JSON body; the answer's status and body (null when it has none).</summary>
    public async Task<(int Status, JsonElement? Body)> PostAsync(string path, object body, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null);
    }

    /// <summary>PUTs a JSON body; the answer's status.</summary>
    public async Task<int> PutAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync(path, body, Json, cancellationToken);
        return (int)response.StatusCode;
    }

    public HubConnection Hub(string route) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_baseUrl, route), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(Token);
            })
            .WithAutomaticReconnect()
            .AddJsonProtocol(o => TandemJson.Configure(o.PayloadSerializerOptions))
            .Build();

    public void Dispose() => _http.Dispose();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        TandemJson.Configure(options);
        return options;
    }
}
