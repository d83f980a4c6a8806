using System.Globalization;
using System.Text.Json;

using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

using Tandem.Brains.Experiments;
using Tandem.ReturnsSeason;

// dotnet run -c Release --project tools/Tandem.ReturnsSeason -- [--seed 1] [--seeds 5] [--shoppers 1500] [--days 30]
//   [--orders-per-day 0.0222] [--return-share 0.25] [--return-after-days 4] [--fault-share 0.3] [--coupon-take-up 0.5]
//   [--coupon-use 0.5] [--store-share 0.4] [--sorting-per-day 8] [--policies both|coupon|refund-only]
// Seeded seasons of returns through the real grains, refunds only against the coupon policy on the same shoppers, orders
// and returns: back on sale within 72 h and buying again within 30 days, with 95 % intervals. Prints a table and one JSON line.
SeasonOptions options;
try
{
    options = SeasonOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var policies = options.Policies switch
{
    "coupon" => [true],
    "refund-only" => [false],
    _ => new[] { false, true },
};
var runs = new List<SeasonRun>();
foreach (var coupons in policies)
{
    for (var seed = options.Seed; seed < options.Seed + options.Seeds; seed++)
    {
        var run = await new SeasonSimulation(options, seed, coupons).RunAsync();
        Console.Error.WriteLine($"{Name(coupons)} seed {seed}: {run.Returns} returns, {run.ResoldInTime}/{run.Resold} back on sale within 72 h, {run.ChoosersBack}/{run.Choosers} bought again.");
        runs.Add(run);
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Seeds} seasons per policy (seeds {options.Seed}…{options.Seed + options.Seeds - 1}), {options.Shoppers:N0} shoppers buying {options.OrdersPerDay * 30:0.00} orders a month for {options.Days} days; {options.ReturnShare:P0} of orders sent back ({options.FaultShare:P0} the item's fault), {options.StoreShare:P0} handed in at a store, the rest collected by courier and graded at a sorting centre taking {options.SortingPerDay} a day (closed on Sundays); shoppers go on buying until every return's 30 days are over. Assumed: {options.CouponTakeUp:P0} take a coupon when offered, and {options.CouponUse:P0} of coupons are spent on an extra order within 30 days."));
Console.WriteLine();
Console.WriteLine("| policy | returns | back on sale | within 72 h (95 % CI) | hours to resale p50 / p95 | returns offered the choice, 30 days over | bought again within 30 days (95 % CI) | settled with a coupon: bought again | coupons spent | refunds paid | coupon value issued |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
var summaries = new List<object>();
foreach (var coupons in policies)
{
    var mine = runs.Where(r => r.Coupons == coupons).ToList();
    var (resold, inTime) = (mine.Sum(r => r.Resold), mine.Sum(r => r.ResoldInTime));
    var (choosers, back) = (mine.Sum(r => r.Choosers), mine.Sum(r => r.ChoosersBack));
    var (holders, holdersBack) = (mine.Sum(r => r.WithCoupon), mine.Sum(r => r.WithCouponBack));
    var hours = mine.SelectMany(r => r.ResaleHours).ToList();
    var (p50, p95) = hours.Count == 0 ? (double.NaN, double.NaN) : (hours.Quantile(0.5), hours.Quantile(0.95));
    var timely = WilsonInterval.Of(inTime, resold);
    var again = WilsonInterval.Of(back, choosers);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {Name(coupons)} | {mine.Sum(r => r.Returns):N0} | {resold:N0} | {Percent(inTime, resold)} ({timely.Low:P1} … {timely.High:P1}) | {p50:0.0} / {p95:0.0} | {choosers:N0} | {Percent(back, choosers)} ({again.Low:P1} … {again.High:P1}) | {(holders == 0 ? "–" : $"{Percent(holdersBack, holders)} of {holders:N0}")} | {mine.Sum(r => r.CouponsSpent):N0} | {mine.Sum(r => r.Refunded):N0} | {mine.Sum(r => r.CouponValue):N0} |"));
    summaries.Add(new
    {
        policy = Name(coupons),
        returns = mine.Sum(r => r.Returns),
        resold,
        resoldWithin72h = Round(Ratio(inTime, resold)),
        resoldWithin72hCi = new[] { Round(timely.Low), Round(timely.High) },
        resaleHoursP50 = Round(p50),
        resaleHoursP95 = Round(p95),
        choosers,
        boughtAgain = Round(Ratio(back, choosers)),
        boughtAgainCi = new[] { Round(again.Low), Round(again.High) },
        couponHolders = holders,
        couponHoldersBoughtAgain = Round(Ratio(holdersBack, holders)),
        couponsSpent = mine.Sum(r => r.CouponsSpent),
        refunded = mine.Sum(r => r.Refunded),
        couponValue = mine.Sum(r => r.CouponValue),
        boardAgrees = mine.All(r => r.BoardResoldInTime is { } board && Math.Abs(board - Ratio(r.ResoldInTime, r.Resold)) < 1e-9),
    });
}

// The same seeds under both policies meet the same shoppers, orders and returns: the difference is paired season by season.
object? difference = null;
if (policies.Length == 2)
{
    var pairs = runs.Where(r => !r.Coupons).Join(runs.Where(r => r.Coupons), r => r.Seed, r => r.Seed,
        (refund, coupon) => Ratio(coupon.ChoosersBack, coupon.Choosers) - Ratio(refund.ChoosersBack, refund.Choosers)).ToList();
    var mean = pairs.Average();
    var half = pairs.Count > 1 ? StudentT.InvCDF(0, 1, pairs.Count - 1, 0.975) * pairs.StandardDeviation() / Math.Sqrt(pairs.Count) : double.NaN;
    Console.WriteLine();
    var interval = double.IsNaN(half) ? "no interval from one season" : string.Create(CultureInfo.InvariantCulture, $"95 % CI {100 * (mean - half):+0.0;-0.0} … {100 * (mean + half):+0.0;-0.0}, t over {pairs.Count} paired seasons");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Bought again within 30 days, coupon policy − refunds only: {100 * mean:+0.0;-0.0} points ({interval}). It follows from the assumed take-up and use of coupons: the season measures what the platform records of it, not whether shoppers behave so."));
    difference = new { points = Round(100 * mean), ci = new[] { Round(100 * (mean - half)), Round(100 * (mean + half)) }, seasons = pairs.Count };
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    simulation = "returns-season",
    seed = options.Seed,
    seeds = options.Seeds,
    shoppers = options.Shoppers,
    days = options.Days,
    assumptions = new
    {
        ordersPerDay = options.OrdersPerDay, returnShare = options.ReturnShare, returnAfterDays = options.ReturnAfterDays, faultShare = options.FaultShare,
        couponTakeUp = options.CouponTakeUp, couponUse = options.CouponUse, storeShare = options.StoreShare, sortingPerDay = options.SortingPerDay,
    },
    policies = summaries,
    difference,
}));
return 0;

static string Name(bool coupons) => coupons ? "coupon" : "refund only";

static double Ratio(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;

static string Percent(int part, int whole) => whole == 0 ? "–" : Ratio(part, whole).ToString("P1", CultureInfo.InvariantCulture);

static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
