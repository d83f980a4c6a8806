using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

using Tandem.Api.Hosting;
using Tandem.Api.Identity;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Json;
using Tandem.Contracts.Recommendations;
using Tandem.Grains.Interfaces.Keys;

// How fast does behaviour turn into a new list on the shopper's screen? Tandem (embedded, as `dotnet run --project Api`,
// with the demo city) and N shoppers, each connected to the shop hub over WebSockets and watching their session,
// together sending R behaviour events a second (each shopper a product view about every N / R seconds). For every
// event: the time from sending it to the arrival of the session's next list (a RecommendationsChanged pushed over
// SignalR with a higher session version), p50 / p90 / p99 / max, and how many lists never came within 5 s.
var shopperCount = Arg("--shoppers", 2000);
var eventsPerSecond = Arg("--events-per-second", 2000);
var seconds = Arg("--seconds", 30);
var warmup = Arg("--warmup", 5);
var pollMs = Arg("--poll-ms", 10); // Tandem:Streams:PollEvery

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
builder.WebHost.UseUrls("http://127.0.0.1:5397");
builder.Configuration["Tandem:Cluster:SiloPort"] = "11313";
builder.Configuration["Tandem:Cluster:GatewayPort"] = "30313";
builder.Configuration["Tandem:RateLimits:EventBatchesPerMinute"] = "100000000"; // the load comes from one address
builder.Configuration["Tandem:Dashboard:Enabled"] = "false";
builder.Configuration["Tandem:Streams:PollEvery"] = TimeSpan.FromMilliseconds(pollMs).ToString();
builder.Configuration["Tandem:Auth:DevKeyPath"] = Path.Combine(Path.GetTempPath(), "tandem-bench-key.pem");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddTandem();
await using var app = builder.Build();
app.MapTandem();
await app.StartAsync();
await (app.Services.GetService<Tandem.Hosting.Demo.DemoSeedStatus>()?.Completion ?? Task.CompletedTask);
var grains = app.Services.GetRequiredService<IGrainFactory>();
var tokens = app.Services.GetRequiredService<DevTokenIssuer>();
var products = (await grains.Catalog().SearchAsync(null, null, 0, 1000)).Items.Select(p => p.Sku).ToArray();
Console.WriteLine($"{products.Length} products; connecting {shopperCount} shoppers…");

var run = Guid.NewGuid().ToString("N")[..6];
var shoppers = Enumerable.Range(0, shopperCount).Select(i => new Shopper(string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{i}"))).ToArray();
await Parallel.ForEachAsync(shoppers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, ct) =>
{
    s.Token = tokens.Issue("shopper", s.Id);
    s.Hub = new HubConnectionBuilder()
        .WithUrl(new Uri("http://127.0.0.1:5397" + HubContract.Routes.Shop), o =>
        {
            o.AccessTokenProvider = () => Task.FromResult<string?>(s.Token);
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        })
        .AddJsonProtocol(o => TandemJson.Configure(o.PayloadSerializerOptions))
        .Build();
    s.Hub.On<RecommendationsChanged>(HubContract.Events.Recommendations, s.Heard);
    await s.Hub.StartAsync(ct);
    await s.Hub.InvokeAsync(HubContract.Methods.WatchSession, s.Id, ct);
});
Console.WriteLine("connected");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri("http://127.0.0.1:5397") };
var json = new JsonSerializerOptions();
TandemJson.Configure(json);
var latencies = new ConcurrentBag<double>();
var missing = 0;
var failed = 0;
var sent = 0;
var measuring = false;
var stop = Stopwatch.StartNew();
var total = TimeSpan.FromSeconds(warmup + seconds);
var period = TimeSpan.FromSeconds((double)shopperCount / eventsPerSecond);
var measureFrom = TimeSpan.FromSeconds(warmup);
var measuredSince = TimeSpan.Zero;
var measuredSent = 0;

await Task.WhenAll(shoppers.Select((s, i) => Task.Run(async () =>
{
    var random = new Random(i);
    await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * period.TotalMilliseconds));
    var next = stop.Elapsed;
    while (stop.Elapsed < total)
    {
        next += period;
        var known = s.Version;
        var waiter = s.NextAfter(known);
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{s.Id}/events")
        {
            Content = JsonContent.Create(new[] { new { type = "view", sku = products[random.Next(products.Length)], at = DateTimeOffset.UtcNow } }, options: json),
        };
        request.Headers.Authorization = new("Bearer", s.Token);
        var counted = stop.Elapsed >= measureFrom;
        if (counted && !measuring)
        {
            measuring = true;
            measuredSince = stop.Elapsed;
        }

        using var response = await http.SendAsync(request);
        Interlocked.Increment(ref sent);
        if (counted)
        {
            Interlocked.Increment(ref measuredSent);
        }

        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref failed);
        }
        else if (await Task.WhenAny(waiter, Task.Delay(5000)) == waiter)
        {
            if (counted)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        else if (counted)
        {
            Interlocked.Increment(ref missing);
        }

        var wait = next - stop.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
})));

var measuredSeconds = (stop.Elapsed - measuredSince).TotalSeconds;
var sorted = latencies.Order().ToArray();
double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
Console.WriteLine($"Streams polled every {pollMs} ms");
Console.WriteLine($"| shoppers | events/s asked | events/s sent | lists measured | p50 ms | p90 ms | p99 ms | max ms | no list in 5 s | failed |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {shopperCount} | {eventsPerSecond} | {measuredSent / measuredSeconds:F0} | {sorted.Length} | {P(0.5):F1} | {P(0.9):F1} | {P(0.99):F1} | {(sorted.Length == 0 ? double.NaN : sorted[^1]):F1} | {missing} | {failed} |"));
Console.WriteLine(JsonSerializer.Serialize(new
{
    benchmark = "behaviour-to-list",
    pollMs,
    shoppers = shopperCount,
    eventsPerSecondAsked = eventsPerSecond,
    eventsPerSecondSent = Math.Round(measuredSent / measuredSeconds),
    lists = sorted.Length,
    p50 = Math.Round(P(0.5), 1),
    p90 = Math.Round(P(0.9), 1),
    p99 = Math.Round(P(0.99), 1),
    max = sorted.Length == 0 ? double.NaN : Math.Round(sorted[^1], 1),
    missing,
    failed,
}));
await Task.WhenAll(shoppers.Select(s => s.Hub!.DisposeAsync().AsTask()));
return 0;

int Arg(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

/// <summary>One bench shopper: its session (named after it), token, hub connection, and the latest list version it was pushed.</summary>
internal sealed class Shopper(string id)
{
    private readonly object _gate = new();
    private TaskCompletionSource? _waiting;
    private long _waitingAfter;

    public string Id { get; } = id;

    public string Token { get; set; } = "";

    public HubConnection? Hub { get; set; }

    public long Version { get; private set; } = -1;

    /// <summary>Completes when a list with a version above <paramref name="known"/> arrives.</summary>
    public Task NextAfter(long known)
    {
        lock (_gate)
        {
            _waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waitingAfter = known;
            return _waiting.Task;
        }
    }

    public void Heard(RecommendationsChanged list)
    {
        lock (_gate)
        {
            Version = Math.Max(Version, list.Version);
            if (_waiting is not null && list.Version > _waitingAfter)
            {
                _waiting.TrySetResult();
                _waiting = null;
            }
        }
    }
}
