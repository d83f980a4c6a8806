using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Dispatch;

// dotnet run -c Release --project bench/Tandem.Bench.Dispatch -- [--jobs 500] [--couriers 300] [--windows 200] [--seed 1] [--candidates 40 (0: all, exact)] [--stores 0]
// Times WindowAssignment.Decide on windows of jobs and couriers spread uniformly over a 12 km × 12 km city, each window
// drawn anew; the first 10 windows warm up and are not counted. With --stores N the pickups are N stores and half the
// couriers carry an order from one of them, on the way (a batch candidate for that store's jobs only, as the zone
// dispatchers allow). Prints a table and one JSON line.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a[2..], p => int.Parse(args[p.i + 1], CultureInfo.InvariantCulture));
var (jobs, couriers, windows, seed) = (options.GetValueOrDefault("jobs", 500), options.GetValueOrDefault("couriers", 300), options.GetValueOrDefault("windows", 200), options.GetValueOrDefault("seed", 1));
var candidates = options.GetValueOrDefault("candidates", WindowAssignment.DefaultCandidates) is > 0 and var n ? n : int.MaxValue;
var storeCount = options.GetValueOrDefault("stores", 0);
const int warmup = 10;

var random = new Random(seed);
var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
Place Anywhere() => new(51.45 + (random.NextDouble() * 0.108), -0.2 + (random.NextDouble() * 0.173));
var window = new WindowAssignment(new TravelModel(), new CostWeights(), TimeSpan.FromHours(1), candidates);
var stores = Enumerable.Range(0, storeCount).Select(_ => Anywhere()).ToList();
Place Pickup() => stores.Count == 0 ? Anywhere() : stores[random.Next(stores.Count)];
var times = new List<double>();
var assigned = 0L;
var cost = 0.0;
var greedyCost = 0.0;
var greedyAssigned = 0L;
var weights = new CostWeights();
var travel = new TravelModel();
for (var w = 0; w < warmup + windows; w++)
{
    var open = Enumerable.Range(0, jobs).Select(i => new DispatchJob("j" + i, Pickup(), Anywhere(), now.AddMinutes(random.Next(10, 60)))).ToList();
    var free = Enumerable.Range(0, couriers).Select(i => stores.Count == 0 || random.Next(0, 2) == 0
        ? new DispatchCourier("c" + i, Anywhere(), random.Next(0, 2), 2)
        : new DispatchCourier("c" + i, Anywhere(), 1, 3) { Carried = [new CarriedJob("carried" + i, Pickup(), Anywhere(), now.AddMinutes(random.Next(10, 60)))] }).ToList();
    var clock = Stopwatch.StartNew();
    var decision = window.Decide(open, free, now, place => place.Lat > 51.5, // rain over the north of the city
        (job, courier) => courier.Carried.Count == 0 || courier.Carried.All(c => c.Pickup == job.Pickup));
    var ms = clock.Elapsed.TotalMilliseconds;
    if (w >= warmup)
    {
        times.Add(ms);
        assigned += decision.Assignments.Count;
        cost += decision.TotalCost;
        var (given, spent) = NearestFirst(open, free);
        greedyAssigned += given;
        greedyCost += spent;
    }
}

times.Sort();
double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
var shown = candidates == int.MaxValue ? "all" : candidates.ToString(CultureInfo.InvariantCulture);
Console.WriteLine("| jobs | couriers | stores | candidates per job | windows | assigned per window | their cost (s) | nearest-first: assigned | its cost (s) | p50 ms | p90 ms | p99 ms | max ms |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {jobs} | {couriers} | {storeCount} | {shown} | {windows} | {(double)assigned / windows:F1} | {cost / windows:F0} | {(double)greedyAssigned / windows:F1} | {greedyCost / windows:F0} | {At(0.5):F1} | {At(0.9):F1} | {At(0.99):F1} | {times[^1]:F1} |"));
Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "dispatch-window", jobs, couriers, stores = storeCount, candidates = shown, windows, assignedPerWindow = (double)assigned / windows, costPerWindow = Math.Round(cost / windows), nearestFirstAssignedPerWindow = (double)greedyAssigned / windows, nearestFirstCostPerWindow = Math.Round(greedyCost / windows), p50 = Math.Round(At(0.5), 2), p90 = Math.Round(At(0.9), 2), p99 = Math.Round(At(0.99), 2), max = Math.Round(times[^1], 2) }));

// The baseline on the same window: each job in turn takes the cheapest courier still free within the ride limit (or waits).
(int Given, double Cost) NearestFirst(List<DispatchJob> open, List<DispatchCourier> free)
{
    var taken = new HashSet<string>(StringComparer.Ordinal);
    var total = 0.0;
    var given = 0;
    foreach (var job in open)
    {
        var best = free.Where(c => c.Load < c.Capacity && !taken.Contains(c.Id) && (c.Carried.Count == 0 || c.Carried.All(x => x.Pickup == job.Pickup)))
            .Select(c => (Courier: c, Cost: weights.Of(job, c, now, travel, job.Pickup.Lat > 51.5)))
            .Where(c => c.Cost.ToPickup <= window.MaxToPickup)
            .OrderBy(c => c.Cost.Total)
            .FirstOrDefault();
        if (best.Courier is not null)
        {
            taken.Add(best.Courier.Id);
            total += best.Cost.Total;
            given++;
        }
    }

    return (given, total);
}
