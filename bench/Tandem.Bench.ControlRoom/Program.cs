using System.Globalization;

using Microsoft.Playwright;

using Tandem.Api.Hosting;
using Tandem.Api.Identity;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Grains.Interfaces.Keys;

// Does the control room keep up with a busy city? Tandem (embedded, as `dotnet run --project Api`) with N couriers
// each reporting a position every second and an order placed at a steady rate, while headless Chromium shows
// /ops. Every second the page's own counters are sampled: events handled, how old the newest event was when it
// arrived (backlog), the slowest map frame and the slowest event batch.
var couriers = Arg("--couriers", 200);
var ordersPerMinute = Arg("--orders-per-minute", 60);
var seconds = Arg("--seconds", 60);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = ApiContentRoot() });
builder.WebHost.UseUrls("http://127.0.0.1:5398");
builder.Configuration["Tandem:Cluster:SiloPort"] = "11312";
builder.Configuration["Tandem:Cluster:GatewayPort"] = "30312";
builder.Configuration["Tandem:RateLimits:OrdersPerMinute"] = "1000000";
builder.Configuration["Tandem:Auth:DevKeyPath"] = Path.Combine(Path.GetTempPath(), "tandem-bench-key.pem");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddTandem();
await using var app = builder.Build();
app.MapTandem();
await app.StartAsync();
await (app.Services.GetService<Tandem.Hosting.Demo.DemoSeedStatus>()?.Completion ?? Task.CompletedTask);
var grains = app.Services.GetRequiredService<IGrainFactory>();
var tokens = app.Services.GetRequiredService<DevTokenIssuer>();

var random = new Random(20261124);
var fleet = Enumerable.Range(0, couriers).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench-courier-{i:D4}")).ToArray();
var positions = fleet.ToDictionary(id => id, _ => new GeoPoint { Lat = 51.45 + random.NextDouble() * 0.13, Lon = -0.25 + random.NextDouble() * 0.3 });
await Parallel.ForEachAsync(fleet, async (id, _) => await grains.Courier(new CourierId(id)).RegisterAsync("Bench", 2, positions[id], CourierStatus.Idle));
var sku = "BENCH-OPS";
await grains.Catalog().UpsertAsync([new Product
{
    Sku = sku, Name = "Bench item", Category = "bench", Price = 1m, Dimensions = new Dimensions { LengthCm = 1, WidthCm = 1, HeightCm = 1 },
    WeightKg = 0.1, SceneTags = [], Description = "Benchmark item.",
}], []);
await grains.Cell(new CellKey(sku, "st-camden")).ReceiveAsync(1_000_000, "bench", "bench");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
await page.GotoAsync("http://127.0.0.1:5398/ops?operator=bench");
await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'");

using var shopper = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5398") };
shopper.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Issue("shopper", "bench-shopper"));
var orderEvery = TimeSpan.FromMinutes(1) / ordersPerMinute;
var nextOrder = TimeSpan.Zero;
var clock = System.Diagnostics.Stopwatch.StartNew();
var sent = 0L;
var samples = new List<(int Second, double Events, double LagMs, double FrameMs, double BatchMs)>();
using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
for (var second = 1; second <= seconds && await tick.WaitForNextTickAsync(); second++)
{
    var at = DateTimeOffset.UtcNow;
    var step = second;
    var moved = fleet.Select((id, i) => (id, at: new GeoPoint
    {
        Lat = positions[id].Lat + (0.0004 * Math.Sin(step + i)), Lon = positions[id].Lon + (0.0006 * Math.Cos(step + i)), // a wandering ride
    })).ToList();
    moved.ForEach(m => positions[m.id] = m.at);
    await Parallel.ForEachAsync(moved, async (m, _) => await grains.Courier(new CourierId(m.id)).UpdatePositionAsync(m.at, at));
    sent += couriers;
    while (nextOrder <= clock.Elapsed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new { sessionId = "bench-web", lines = new[] { new { sku, quantity = 1 } }, fulfilment = new { mode = "pickup", locationId = "st-camden" } }),
        };
        request.Headers.Add("Idempotency-Key", "bench-" + nextOrder.Ticks.ToString(CultureInfo.InvariantCulture));
        (await shopper.SendAsync(request)).EnsureSuccessStatusCode();
        nextOrder += orderEvery;
    }

    var s = await page.EvaluateAsync<Dictionary<string, double>>("() => { const s = { ...window.tandemOps }; window.tandemOps.maxFrameMs = 0; window.tandemOps.maxHandleMs = 0; window.tandemOps.maxLagMs = 0; return s; }");
    samples.Add((second, s["events"], s["maxLagMs"], s["maxFrameMs"], s["maxHandleMs"]));
}

var settle = System.Diagnostics.Stopwatch.StartNew();
var final = await page.EvaluateAsync<double>("() => window.tandemOps.events");
Console.WriteLine();
Console.WriteLine($"{couriers} couriers moving every second, {ordersPerMinute} orders/min, {seconds} s, {Environment.ProcessorCount} cores, headless Chromium at 1440×900");
Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("|---|---:|");
var steady = samples.Skip(5).ToList(); // the first seconds warm up the JIT and the page
Console.WriteLine(Invariant($"| courier moves sent | {sent:N0} |"));
Console.WriteLine(Invariant($"| events handled by the page | {final:N0} |"));
Console.WriteLine(Invariant($"| events/s handled (steady) | {(steady[^1].Events - steady[0].Events) / (steady.Count - 1):N0} |"));
Console.WriteLine(Invariant($"| event age on arrival, worst second (steady) | {steady.Max(x => x.LagMs):N0} ms |"));
Console.WriteLine(Invariant($"| event age on arrival, median second (steady) | {Median(steady.Select(x => x.LagMs)):N0} ms |"));
Console.WriteLine(Invariant($"| slowest map frame | {samples.Max(x => x.FrameMs):F1} ms |"));
Console.WriteLine(Invariant($"| slowest event batch | {samples.Max(x => x.BatchMs):F1} ms |"));
Console.WriteLine(Invariant($"| event age trend, first → last 10 s | {steady.Take(10).Average(x => x.LagMs):N0} → {steady.TakeLast(10).Average(x => x.LagMs):N0} ms |"));
await app.StopAsync();

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string ApiContentRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Tandem.slnx")))
        {
            return Path.Combine(directory.FullName, "Api");
        }
    }

    throw new DirectoryNotFoundException("Run from the repository: the control room's page lives in Api/wwwroot.");
}
