using Tandem.Hosting.Simulation;

using static Tandem.Hosting.Simulation.SimulationArguments;

namespace Tandem.ReturnsSeason;

/// <summary>
/// The season to simulate and the behaviour it assumes. Shoppers buy at a steady rate; some orders come back; a share of
/// returns is the item's fault; the rest may take a coupon when the policy offers one, and a coupon held is spent on an
/// extra order with some probability. The platform (pre-check, settlement, coupons, the resale clock, the board) is the
/// real one: only the people and the sorting centre are modelled. Every option has a default; <c>--name value</c> changes it.
/// </summary>
internal sealed record SeasonOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Seasons per policy (seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, …): the intervals come from them and from the pooled returns.</summary>
    public int Seeds { get; init; } = 5;

    public int Shoppers { get; init; } = 1500;

    /// <summary>Days whose orders may come back; shoppers go on buying for 70 more days, until every return's 30 days are over.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Orders per shopper per day, outside any coupon (a Poisson process).</summary>
    public double OrdersPerDay { get; init; } = 1 / 45.0;

    /// <summary>The share of orders a shopper sends back.</summary>
    public double ReturnShare { get; init; } = 0.25;

    /// <summary>Mean days from receipt to the return request (exponential, within the 30-day window).</summary>
    public double ReturnAfterDays { get; init; } = 4;

    /// <summary>The share of returns that are the item's fault (damaged or defective: refunded, never a coupon).</summary>
    public double FaultShare { get; init; } = 0.3;

    /// <summary>When a coupon is offered, the share of shoppers who take it.</summary>
    public double CouponTakeUp { get; init; } = 0.5;

    /// <summary>The assumed effect of a coupon: the chance its holder spends it on an extra order within 30 days.</summary>
    public double CouponUse { get; init; } = 0.5;

    /// <summary>The share of returns handed in at a store (graded at the counter); the rest are collected by a courier.</summary>
    public double StoreShare { get; init; } = 0.4;

    /// <summary>Items the sorting centre grades a day (08:00–18:00, first come first served; closed on Sundays).</summary>
    public int SortingPerDay { get; init; } = 8;

    /// <summary>Which policies: both (refunds only first), or one.</summary>
    public string Policies { get; init; } = "both";

    public DateTimeOffset Start { get; } = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static SeasonOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SeasonOptions();
        foreach (var (name, text) in SimulationArguments.Pairs(args))
        {
            options = name switch
            {
                "seed" => options with { Seed = Whole(name, text, 0) },
                "seeds" => options with { Seeds = Whole(name, text, 1) },
                "shoppers" => options with { Shoppers = Whole(name, text, 1) },
                "days" => options with { Days = Whole(name, text, 1) },
                "orders-per-day" => options with { OrdersPerDay = Share(name, text) },
                "return-share" => options with { ReturnShare = Share(name, text) },
                "return-after-days" => options with { ReturnAfterDays = Number(name, text, positive: true) },
                "fault-share" => options with { FaultShare = Share(name, text) },
                "coupon-take-up" => options with { CouponTakeUp = Share(name, text) },
                "coupon-use" => options with { CouponUse = Share(name, text) },
                "store-share" => options with { StoreShare = Share(name, text) },
                "sorting-per-day" => options with { SortingPerDay = Whole(name, text, 1) },
                "policies" when text is "both" or "coupon" or "refund-only" => options with { Policies = text },
                _ => throw new ArgumentException($"Unknown option --{name} {text}."),
            };
        }

        return options;
    }
}
