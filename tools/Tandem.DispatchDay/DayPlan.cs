using System.Globalization;

using Tandem.Contracts.Catalog;
using Tandem.Simulator.City;

namespace Tandem.DispatchDay;

/// <summary>An order of the day: when it is placed, how long the store takes to pack it, and its door.</summary>
internal sealed record PlannedOrder(string OrderId, DateTimeOffset PlacedAt, TimeSpan Prep, GeoPoint Door);

/// <summary>A courier of the day: how many orders they carry at once and where they start.</summary>
internal sealed record PlannedCourier(string Id, int Capacity, GeoPoint Start);

/// <summary>How a courier answers an offer, and after how long.</summary>
internal enum Answer
{
    Accept,
    Decline,
    Silence,
}

/// <summary>
/// Everything the seed decides, drawn before either policy runs so both see the same day: the orders (a Poisson process
/// following the demand curve, thinned from its highest rate), their doors and packing times, the couriers, and each
/// courier's answer to each order (7 % decline, 3 % let the offer expire, the rest accept within 3–20 s).
/// </summary>
internal sealed class DayPlan
{
    private readonly int _seed;

    private DayPlan(int seed, IReadOnlyList<PlannedOrder> orders, IReadOnlyList<PlannedCourier> couriers) =>
        (_seed, Orders, Couriers) = (seed, orders, couriers);

    public IReadOnlyList<PlannedOrder> Orders { get; }

    public IReadOnlyList<PlannedCourier> Couriers { get; }

    public static DayPlan Make(DayOptions options)
    {
        var random = new Random(options.Seed);
        var (opens, closes) = (options.Day.AddHours(options.OpensAt), options.Day.AddHours(options.ClosesAt));
        var highest = Enumerable.Range(0, (int)(closes - opens).TotalMinutes).Max(m => options.DemandAt(opens.AddMinutes(m)));
        var orders = new List<PlannedOrder>();
        for (var at = opens; ;)
        {
            at = at.AddHours(-Math.Log(1 - random.NextDouble()) / highest);
            if (at >= closes)
            {
                break;
            }

            var keep = random.NextDouble() < options.DemandAt(at) / highest;
            var prep = TimeSpan.FromMinutes(4 + (6 * random.NextDouble()));
            var door = Streets.Address(random);
            if (keep)
            {
                orders.Add(new PlannedOrder($"day-{options.Seed}-{orders.Count:D5}", at, prep, door));
            }
        }

        var couriers = Enumerable.Range(0, options.Couriers)
            .Select(i => new PlannedCourier($"day-courier-{i + 1:D3}", random.Next(2, 4), Streets.Address(random)))
            .ToList();
        return new DayPlan(options.Seed, orders, couriers);
    }

    /// <summary>The courier's answer to an offer of the order (the same in every run of the seed), and how long it takes.</summary>
    public (Answer Answer, TimeSpan After) AnswerOf(string orderId, string courierId, int attempt)
    {
        var random = new Random(Stable(string.Create(CultureInfo.InvariantCulture, $"{_seed}|{orderId}|{courierId}|{attempt}"))); // not HashCode.Combine: its seed differs per process
        var u = random.NextDouble();
        var after = TimeSpan.FromSeconds(3 + (17 * random.NextDouble()));
        return (u < 0.07 ? Answer.Decline : u < 0.10 ? Answer.Silence : Answer.Accept, after);
    }

    private static int Stable(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
