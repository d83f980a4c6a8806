using System.Globalization;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

using Tandem.Api.Hosting;
using Tandem.Api.Identity;
using Tandem.Bench;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Kpis;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Hosting.Storage;

using Orleans.Core.Internal;
using Orleans.Storage;

// Reservation throughput and latency of a co-hosted Tandem (embedded silo, in-memory storage):
// one hot cell and 10,000 uniform cells, through the grain client and through POST /api/orders; and, in the same
// run, the baselines the order path is held to: an anonymous one-grain GET and an authenticated one-grain GET.
// `--only census`: the stock census's time over every stocked cell, and the spread reservations with censuses taken
// back to back against none.
// `--only demand`: one cell's demand counted entry by entry (a packed order's line each), in windows back to back on the
// same cell, by one caller and by `--concurrency` callers: how the rate holds as the cell remembers more entries.
// `--only kpi`: one KPI grain (the city's, which every fact in the city reaches) counting a placed order's three facts a
// call, by one caller and by `--concurrency` callers, in windows back to back; the heap it grows by and its reload time.
// `--only flash-sale`: one SKU sold until it is gone (`--sale-units`), through the grain client kept whole (the
// baseline) and split into `--buckets` buckets, and over HTTP split, with the holds acknowledged, the callers told sold
// out and the units oversold (must be none), and the split ÷ whole ratio.
var seconds = ArgInt("--seconds", 10);
var concurrency = ArgInt("--concurrency", 64);
var cellCount = ArgInt("--cells", 10_000);
var saleUnits = ArgInt("--sale-units", 100_000); // the flash sale through the grain client; a tenth of it over HTTP
var buckets = ArgInt("--buckets", 4);
var shopperCount = ArgInt("--shoppers", 2_000);
var only = ArgString("--only", "");
var dashboard = !args.Contains("--no-dashboard");
var postgres = ArgString("--postgres", Environment.GetEnvironmentVariable("TANDEM_BENCH_POSTGRES") ?? "");
var duration = TimeSpan.FromSeconds(seconds);

var port = ArgInt("--port", 5399);
var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
var builder = WebApplication.CreateBuilder(["--urls", url]);
builder.Configuration["Tandem:Demo:Seed"] = "false";
builder.Configuration["Tandem:Cluster:SiloPort"] = "11311";
builder.Configuration["Tandem:Cluster:GatewayPort"] = "30311";
builder.Configuration["Tandem:RateLimits:OrdersPerMinute"] = "100000000"; // the load comes from one address
builder.Configuration["Tandem:Orders:MaxReservedUnitsPerShopper"] = "100000000"; // no order is packed here, so each shopper's unpacked orders only grow
builder.Configuration["Tandem:Dashboard:Enabled"] = dashboard ? "true" : "false";
if (only is "flash-sale")
{
    // The sale compares one cell kept whole with the same cell split from its first hold: no cell splits by itself here.
    builder.Configuration["Tandem:Inventory:SplitAtReservationsPerSecond"] = "1000000000";
}
if (only is "census" or "kpi")
{
    // A census under load, or a read of a grain holding millions of facts, may take longer than a call's usual 4 s: how long is what is measured.
    builder.Configuration["Tandem:Cluster:ResponseTimeout"] = "00:02:00";
}

if (postgres.Length > 0)
{
    // Same process shape, grain state in PostgreSQL (Tandem's batched grain storage; ADO.NET clustering and reminders).
    builder.Configuration["ConnectionStrings:Tandem"] = postgres;
    builder.Configuration["Tandem:Api:HostSilo"] = "true";
    builder.Configuration["Tandem:Cluster:ClusterId"] = "bench-" + Guid.NewGuid().ToString("N")[..6];
}

// Development tokens either way. A PostgreSQL-backed Api trusts only an external OpenID Connect issuer, so there
// this program serves the development key's discovery document and JWKS itself, under /bench-issuer.
var devKey = DevSigningKey.LoadOrCreate(Path.Combine(Path.GetTempPath(), "tandem-bench-key.pem"));
const string IssuerPath = "/bench-issuer";
if (postgres.Length > 0)
{
    builder.Configuration["Tandem:Auth:Authority"] = url + IssuerPath;
    builder.Configuration["Tandem:Auth:Audience"] = DevSigningKey.Audience;
    builder.Configuration["Tandem:Auth:RequireHttpsMetadata"] = "false";
}
else
{
    builder.Configuration["Tandem:Auth:DevKeyPath"] = devKey.Path;
}

builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddTandem();
await using var app = builder.Build();
app.MapTandem();
if (postgres.Length > 0)
{
    app.MapDevIssuerDiscovery(devKey, IssuerPath);
}

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
var tokenIssuer = new DevTokenIssuer(devKey, Options.Create(new AuthOptions()), TimeProvider.System);
string Token(string shopper) => tokenIssuer.Issue("shopper", shopper);
var grains = app.Services.GetRequiredService<IGrainFactory>();
var storage = app.Services.GetKeyedService<IGrainStorage>(StorageNames.Grains) as PostgresGrainStorage;

const string Store = "bench-store";
var skus = Enumerable.Range(0, cellCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"BENCH-{i:D5}")).ToArray();
const string HotSku = "BENCH-HOT";
const string HotHttpSku = "BENCH-HOT-HTTP";
var saleSku = "BENCH-SALE-" + Guid.NewGuid().ToString("N")[..6];
var saleSplitSku = saleSku + "-SPLIT";
var saleHttpSku = saleSku + "-HTTP";
await grains.Catalog().UpsertAsync(
    [.. skus.Append(HotSku).Append(HotHttpSku).Append(saleSku).Append(saleSplitSku).Append(saleHttpSku).Select(Product)],
    [new Location { Id = Store, Name = "Bench store", Kind = LocationKind.Store, Position = new GeoPoint { Lat = 51.5, Lon = -0.1 }, Address = "loopback" }]);
await grains.Cell(new CellKey(HotSku, Store)).ReceiveAsync(100_000_000, "bench", "bench");
await grains.Cell(new CellKey(HotHttpSku, Store)).ReceiveAsync(100_000_000, "bench", "bench");
await grains.Cell(new CellKey(saleSku, Store)).ReceiveAsync(saleUnits, "bench", "bench");
await grains.Cell(new CellKey(saleSplitSku, Store)).ReceiveAsync(saleUnits, "bench", "bench");
await grains.Cell(new CellKey(saleHttpSku, Store)).ReceiveAsync(saleUnits / 10, "bench", "bench");
var sales = new List<FlashSale.Outcome>();
await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (sku, _) =>
    await grains.Cell(new CellKey(sku, Store)).ReceiveAsync(10_000_000, "bench", "bench"));

var ttl = TimeSpan.FromHours(1);
var tokens = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
var results = new List<Summary>();
var storageRows = new List<(string Scenario, (long ReadBatches, long ReadRows, long WriteBatches, long WriteRows) Sent)>();
var run = Guid.NewGuid().ToString("N")[..6];

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address) };
// The signed-in shoppers: each request comes from one of them at random, with that shopper's own session and token.
var shoppers = Enumerable.Range(0, shopperCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{i}")).ToArray();
await Parallel.ForEachAsync(shoppers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (shopper, _) =>
{
    await grains.Session(new SessionId(shopper)).ClaimAsync(new ShopperId(shopper));
    tokens[shopper] = Token(shopper);
});
string AnyShopper() => shoppers[Random.Shared.Next(shoppers.Length)];

const string AnonymousGet = "GET /api/products/{sku} · anonymous";
async Task<Summary> AnonymousGetAsync(string scenario) =>
    await RunAsync(scenario, concurrency, duration, async (w, i) =>
    {
        using var response = await http.GetAsync(new Uri("/api/products/" + skus[Random.Shared.Next(skus.Length)], UriKind.Relative));
        return response.IsSuccessStatusCode;
    });

if (only is "" or "baseline")
{
    results.Add(await AnonymousGetAsync(AnonymousGet));
}

const string AuthenticatedGet = "GET /api/sessions/{id} · bearer token";
if (only is "" or "baseline")
{
    results.Add(await RunAsync(AuthenticatedGet, concurrency, duration, async (w, i) =>
    {
        var shopper = AnyShopper();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sessions/" + shopper);
        request.Headers.Authorization = new("Bearer", tokens[shopper]);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }));
}

if (only is "" or "grain-hot")
{
    results.Add(await RunAsync("grain client · 1 hot cell", concurrency, duration, async (w, i) =>
        (await grains.Cell(new CellKey(HotSku, Store)).ReserveAsync($"{run}-g-{w}-{i}", 1, ttl)).Succeeded));
}

if (only is "" or "grain-spread")
{
    results.Add(await RunAsync($"grain client · {cellCount:N0} cells", concurrency, duration, async (w, i) =>
        (await grains.Cell(new CellKey(skus[Random.Shared.Next(skus.Length)], Store)).ReserveAsync($"{run}-u-{w}-{i}", 1, ttl)).Succeeded));
}

if (only is "census")
{
    // The stock census reads every stocked cell (here the bench's cells): how long one census takes, and what censuses
    // taken back to back (far more often than the minute they run at) cost the reservations spread over the cells.
    var census = grains.StockCensus();
    Console.WriteLine($"census of {cellCount + 5:N0} stocked cells (the bench's, the hot ones and the sale's):");
    for (var round = 1; round <= 3; round++)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var counted = await census.TakeAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  census {round}: {watch.Elapsed.TotalMilliseconds:N0} ms, {counted.City.Cells:N0} cells counted, {watch.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, counted.City.Cells):0.00} ms per 1,000 cells, {(GC.GetTotalAllocatedBytes() - allocated) / 1_048_576.0:N1} MiB allocated in the process"));
    }

    results.Add(await RunAsync($"grain client · {cellCount:N0} cells · no census", concurrency, duration, async (w, i) =>
        (await grains.Cell(new CellKey(skus[Random.Shared.Next(skus.Length)], Store)).ReserveAsync($"{run}-cn-{w}-{i}", 1, ttl)).Succeeded));
    using var stop = new CancellationTokenSource();
    var took = new List<double>();
    var loop = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await census.TakeAsync();
            took.Add(watch.Elapsed.TotalMilliseconds);
        }
    });
    results.Add(await RunAsync($"grain client · {cellCount:N0} cells · censuses back to back", concurrency, duration, async (w, i) =>
        (await grains.Cell(new CellKey(skus[Random.Shared.Next(skus.Length)], Store)).ReserveAsync($"{run}-cc-{w}-{i}", 1, ttl)).Succeeded));
    await stop.CancelAsync();
    await loop;
    results.Add(await RunAsync($"grain client · {cellCount:N0} cells · no census (again)", concurrency, duration, async (w, i) =>
        (await grains.Cell(new CellKey(skus[Random.Shared.Next(skus.Length)], Store)).ReserveAsync($"{run}-ca-{w}-{i}", 1, ttl)).Succeeded));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {took.Count} censuses taken beside the {seconds} s of reservations (the last ending after them): {string.Join(", ", took.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))} ms"));
}

if (only is "demand")
{
    // Each window counts into a cell already holding the entries of the windows before it (each entry's id is kept 14 days).
    foreach (var callers in new[] { 1, concurrency })
    {
        var demand = grains.Demand(new CellKey($"BENCH-DEMAND-{run}-{callers}", Store));
        for (var window = 1; window <= 3; window++)
        {
            var held = (await demand.GetSourcesAsync(0)).Remembered;
            var at = DateTimeOffset.UtcNow;
            results.Add(await RunAsync(string.Create(CultureInfo.InvariantCulture, $"demand · 1 cell · {callers} caller{(callers == 1 ? "" : "s")} · window {window}, from {held:N0} entries"), callers, duration, async (w, i) =>
            {
                await demand.RecordAsync(new DemandEntry { Id = string.Create(CultureInfo.InvariantCulture, $"order:{run}-{window}-{w}-{i}:line:0"), At = at, Units = 1, Revenue = 1m });
                return true;
            }));
        }

        var (remembered, counted) = ((await demand.GetSourcesAsync(0)).Remembered, (await demand.GetTotalsAsync(DateOnly.MinValue)).Units);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demand cell of {callers} caller(s): {remembered:N0} entries remembered, {counted:N0} units counted"));
    }
}

if (only is "kpi")
{
    // The city's KPI grain hears every fact in the city. Each call is a placed order's three facts (revenue, units, its
    // line's reservation), each with its own id, all kept for two days and an hour so a repeat counts once; each window
    // counts into the grain holding the facts of the windows before. Then the grain is deactivated and read again: the
    // time a new activation takes to load what it remembers.
    foreach (var callers in new[] { 1, concurrency })
    {
        var kpi = grains.Kpi($"bench-kpi-{run}-{callers}");
        var began = DateTimeOffset.UtcNow;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        for (var window = 1; window <= 3; window++)
        {
            var held = await CountedAsync();
            results.Add(await RunAsync(string.Create(CultureInfo.InvariantCulture, $"kpi · 1 grain · {callers} caller{(callers == 1 ? "" : "s")} × 3 facts · window {window}, from {held:N0} facts"), callers, duration, async (w, i) =>
            {
                var at = DateTimeOffset.UtcNow;
                var order = string.Create(CultureInfo.InvariantCulture, $"order:o-{run}-{window}-{w}-{i}");
                await kpi.RecordAsync(
                [
                    new KpiFact { Id = order + ":placed", Measure = KpiMeasure.Order, At = at, Value = 12.5 },
                    new KpiFact { Id = order + ":placed:units", Measure = KpiMeasure.OrderUnits, At = at, Value = 1 },
                    new KpiFact { Id = order + ":reserved:0", Measure = KpiMeasure.Reservation, At = at, Value = 1 },
                ]);
                return true;
            }));
        }

        var counted = await CountedAsync();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        await kpi.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var reload = System.Diagnostics.Stopwatch.StartNew();
        var reloaded = await CountedAsync();
        reload.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kpi grain of {callers} caller(s): {counted:N0} facts counted ({reloaded:N0} after reactivation, which took {reload.Elapsed.TotalMilliseconds:N0} ms); managed heap +{(heapAfter - heapBefore) / 1048576d:N1} MiB, {(heapAfter - heapBefore) / (double)Math.Max(1, counted):N0} bytes a fact"));

        async Task<long> CountedAsync()
        {
            var counts = (await kpi.GetSinceAsync(began.AddMinutes(-1))).Counts;
            return new[] { KpiMeasure.Order, KpiMeasure.OrderUnits, KpiMeasure.Reservation }.Sum(m => counts.GetValueOrDefault(m.Name()));
        }
    }

    // The state alone, without a grain or a store: a million facts of one minute's ids, and what the heap grew by.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var bare = GC.GetTotalMemory(forceFullCollection: true);
    var alone = new Tandem.Grains.Kpis.KpiState();
    var minute = DateTimeOffset.UtcNow;
    for (var n = 0; n < 1_000_000; n++)
    {
        alone.Apply(new KpiFact { Id = string.Create(CultureInfo.InvariantCulture, $"order:o-{run}-{n / 3}:{(n % 3 == 0 ? "placed" : n % 3 == 1 ? "placed:units" : "reserved:0")}"), Measure = KpiMeasure.Order, At = minute, Value = 1 });
    }

    alone.HandOffChanges(new Tandem.Grains.Kpis.KpiState()); // the changes a write would take away
    var grown = GC.GetTotalMemory(forceFullCollection: true) - bare;
    GC.KeepAlive(alone);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kpi state alone: 1,000,000 facts held in {grown / 1048576d:N1} MiB, {grown / 1_000_000d:N0} bytes a fact"));
}

if (only is "flash-sale")
{
    // Warm the path first on a cell of its own (the sale's cell sells each unit once).
    await RunAsync("warm-up · 1 hot cell", concurrency, TimeSpan.FromSeconds(Math.Min(seconds, 5)), async (w, i) =>
        (await grains.Cell(new CellKey(HotSku, Store)).ReserveAsync($"{run}-fw-{w}-{i}", 1, ttl)).Succeeded);
    results.Clear();
    storageRows.Clear();
    var sent = storage?.Sent;
    foreach (var (sku, split) in new[] { (saleSku, 0), (saleSplitSku, buckets) })
    {
        var sale = grains.Cell(new CellKey(sku, Store));
        if (split > 0)
        {
            await grains.GetGrain<IHotCellGrain>(new CellKey(sku, Store).ToString()).SplitAsync(split);
        }

        var outcome = await FlashSale.RunAsync(
            $"flash sale · grain client · {(split > 0 ? $"{split} buckets" : "1 whole cell")} · {saleUnits:N0} units", concurrency, saleUnits, duration * 3,
            async (w, i) => (await sale.ReserveAsync($"{run}-s-{w}-{i}", 1, ttl)).Outcome switch
            {
                CellOutcome.Applied => SaleAnswer.Held,
                CellOutcome.Insufficient => SaleAnswer.SoldOut,
                var other => throw new InvalidOperationException($"the cell answered {other}"),
            },
            async () => { var c = await sale.GetSnapshotAsync(); return (c.Reserved, c.OnHand); });
        sales.Add(outcome);
        results.Add(outcome.Summary);
        sent = RecordSent(outcome.Summary.Scenario, sent);
    }

    await grains.GetGrain<IHotCellGrain>(new CellKey(saleHttpSku, Store).ToString()).SplitAsync(buckets);
    var httpOutcome = await FlashSale.RunAsync($"flash sale · POST /api/orders · {buckets} buckets · {saleUnits / 10:N0} units", concurrency, saleUnits / 10, duration * 3,
        async (w, i) => await BuyAsync(saleHttpSku, $"{run}-sh-{w}-{i}"),
        async () => { var c = await grains.Cell(new CellKey(saleHttpSku, Store)).GetSnapshotAsync(); return (c.Reserved, c.OnHand); });
    sales.Add(httpOutcome);
    results.Add(httpOutcome.Summary);
    RecordSent(httpOutcome.Summary.Scenario, sent);
}

if (only is "" or "http-hot")
{
    results.Add(await RunAsync("POST /api/orders · 1 hot cell", concurrency, duration, (w, i) => PlaceAsync(w, HotHttpSku, $"{run}-h-{w}-{i}")));
}

if (only is "" or "http-spread")
{
    results.Add(await RunAsync($"POST /api/orders · {cellCount:N0} cells", concurrency, duration,
        (w, i) => PlaceAsync(w, skus[Random.Shared.Next(skus.Length)], $"{run}-o-{w}-{i}")));
}

if (only is "" or "baseline")
{
    results.Add(await AnonymousGetAsync(AnonymousGet + " (again, last)")); // the machine drifts: the baseline brackets the run
}

await app.StopAsync();

Console.WriteLine();
Console.WriteLine($"{seconds} s per scenario, {concurrency} concurrent callers, {shopperCount:N0} signed-in shoppers, {Environment.ProcessorCount} cores, .NET {Environment.Version}, storage: {(postgres.Length > 0 ? "PostgreSQL" : "in-memory")}, dashboard: {(dashboard ? "on" : "off")}");
Console.WriteLine();
Console.WriteLine("| scenario | per second | p50 ms | p99 ms | ok | failed |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Scenario} | {r.PerSecond:N0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.Operations:N0} | {r.Failures:N0} |"));
}

if (storageRows.Count > 0)
{
    // Warm-up included: the counts cover the whole scenario, the rates above only its measured part.
    Console.WriteLine();
    Console.WriteLine("| scenario | write statements | rows written | rows per write statement | read statements | rows read | rows per read statement |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var (scenario, sent) in storageRows)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {sent.WriteBatches:N0} | {sent.WriteRows:N0} | {(sent.WriteBatches == 0 ? 0 : (double)sent.WriteRows / sent.WriteBatches):F1} | {sent.ReadBatches:N0} | {sent.ReadRows:N0} | {(sent.ReadBatches == 0 ? 0 : (double)sent.ReadRows / sent.ReadBatches):F1} |"));
    }
}

foreach (var sale in sales)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{sale.Summary.Scenario}: {sale.Summary.Operations:N0} holds acknowledged, {sale.SoldOutAnswers:N0} callers told sold out, {sale.Oversold:N0} oversold; the cell holds {sale.Reserved:N0} reserved of {sale.OnHand:N0} on hand"));
}

if (sales.Count >= 2)
{
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"flash sale, grain client: {buckets} buckets ÷ 1 whole cell = {sales[1].Summary.PerSecond / sales[0].Summary.PerSecond:F2} (p99 {sales[1].Summary.P99Ms:F1} ms vs {sales[0].Summary.P99Ms:F1} ms)"));
}

foreach (var r in results.Where(r => r.FirstError is not null))
{
    Console.WriteLine($"{r.Scenario}: {r.Failures:N0} failed, the first with {r.FirstError!.GetType().Name}: {r.FirstError.Message}");
}

// The targets are ratios within this run (the machine is shared, absolute rates drift between runs): each row against
// the mean of the anonymous baseline measured first and last.
var baselines = results.Where(r => r.Scenario.StartsWith(AnonymousGet, StringComparison.Ordinal)).ToList();
if (baselines.Count > 0)
{
    var baseline = baselines.Average(r => r.PerSecond);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio to \"{AnonymousGet}\" (mean of {baselines.Count} runs: {baseline:N0}/s) | ratio |"));
    Console.WriteLine("|---|---:|");
    foreach (var r in results.Where(r => !baselines.Contains(r) && (r.Scenario.StartsWith("GET", StringComparison.Ordinal) || r.Scenario.StartsWith("POST", StringComparison.Ordinal))))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.PerSecond / baseline:F2} |"));
    }
}

return results.Any(r => r.Failures > 0) || sales.Any(s => s.Oversold > 0 || s.Reserved != s.Summary.Operations) ? 1 : 0;

// A scenario; with PostgreSQL, also how many statements the grain storage sent for it and how many rows they carried.
async Task<Summary> RunAsync(string scenario, int callers, TimeSpan time, Func<int, long, Task<bool>> operation)
{
    var before = storage?.Sent;
    var summary = await LoadRunner.RunAsync(scenario, callers, time, operation);
    RecordSent(scenario, before);
    return summary;
}

// With PostgreSQL: what the grain storage sent since `before` (taken when the scenario began), as the scenario's row.
(long ReadBatches, long ReadRows, long WriteBatches, long WriteRows)? RecordSent(string scenario, (long ReadBatches, long ReadRows, long WriteBatches, long WriteRows)? before)
{
    if (storage is null || before is not { } b)
    {
        return null;
    }

    var after = storage.Sent;
    storageRows.Add((scenario, (after.ReadBatches - b.ReadBatches, after.ReadRows - b.ReadRows, after.WriteBatches - b.WriteBatches, after.WriteRows - b.WriteRows)));
    return after;
}

// One order of a random signed-in shopper for one unit of a sale SKU: created, or refused as out of stock.
async Task<SaleAnswer> BuyAsync(string sku, string key)
{
    using var response = await SendOrderAsync(sku, key);
    return response.StatusCode switch
    {
        System.Net.HttpStatusCode.Created => SaleAnswer.Held,
        System.Net.HttpStatusCode.Conflict when (await response.Content.ReadAsStringAsync()).Contains("insufficient-stock", StringComparison.Ordinal) => SaleAnswer.SoldOut,
        _ => throw new HttpRequestException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"),
    };
}

// One order of a random signed-in shopper, in that shopper's session.
async Task<bool> PlaceAsync(int worker, string sku, string key)
{
    using var response = await SendOrderAsync(sku, key);
    return response.StatusCode == System.Net.HttpStatusCode.Created
        ? true
        : throw new HttpRequestException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}

async Task<HttpResponseMessage> SendOrderAsync(string sku, string key)
{
    var shopper = AnyShopper();
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
    {
        Content = JsonContent.Create(new
        {
            sessionId = shopper,
            lines = new[] { new { sku, quantity = 1 } },
            fulfilment = new { mode = "pickup", locationId = Store },
        }),
    };
    request.Headers.Add("Idempotency-Key", key);
    request.Headers.Authorization = new("Bearer", tokens[shopper]);
    return await http.SendAsync(request);
}

static Product Product(string sku) => new()
{
    Sku = sku, Name = "Bench " + sku, Category = "bench", Price = 1m,
    Dimensions = new Dimensions { LengthCm = 1, WidthCm = 1, HeightCm = 1 }, WeightKg = 0.1, SceneTags = [], Description = "Benchmark item.",
};

string ArgString(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int ArgInt(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
