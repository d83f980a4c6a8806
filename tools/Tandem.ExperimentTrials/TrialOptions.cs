using System.Globalization;

namespace Tandem.ExperimentTrials;

/// <summary>What the trials look like; every draw follows from <see cref="Seed"/>.</summary>
internal sealed record TrialOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Experiments of each kind (A/A, then A/B).</summary>
    public int Trials { get; init; } = 40;

    /// <summary>
    /// What the experiments change: <c>picks</c> (the session's recommendation strategy), <c>coupon</c> (the shopper's
    /// returns coupon uplift), <c>window</c> (the dispatch zone's window; zones are the units) or <c>level</c> (the store
    /// cell's safety-stock service level; cells are the units).
    /// </summary>
    public string Setting { get; init; } = Picks;

    /// <summary>The control's conversion rate, which simulated shoppers follow (picks: 0.1, buying; coupon: 0.5, taking the coupon; window: 0.9, deliveries on time; level: 0.9, a cell in stock at a census).</summary>
    public double BaseRate { get; init; } = 0.1;

    /// <summary>The effect injected in the A/B trials' treatment (absolute), and the smallest one the experiments are planned to find (picks: 0.02; coupon: 0.1; window: −0.1; level: 0.05).</summary>
    public double Effect { get; init; } = 0.02;

    /// <summary>The treatment's recommendation strategy in the A/B trials (the A/A trials use the bandit in both variants).</summary>
    public string Treatment { get; init; } = "popular";

    /// <summary>The coupon uplift of the A/B trials' treatment (the control's, and both A/A variants', is the policy's 0.10).</summary>
    public decimal TreatmentUplift { get; init; } = 0.25m;

    /// <summary>Units (sessions, shoppers, zones or cells) per trial; none: twice the planned units per variant.</summary>
    public int? Sessions { get; init; }

    /// <summary>The A/B treatment's dispatch window in seconds (the control's, and both A/A variants', is the product's 5).</summary>
    public int TreatmentWindow { get; init; } = 30;

    /// <summary>Delivery orders each zone sends per trial (level: stock censuses per trial, each reading every cell).</summary>
    public int OrdersPerZone { get; init; } = 10;

    /// <summary>The A/B treatment's service level (the control's, and both A/A variants', is the product's 0.95).</summary>
    public double TreatmentLevel { get; init; } = 0.99;

    /// <summary>How far apart zones' on-time rates (cells' in-stock rates) are: their standard deviation around the base rate.</summary>
    public double ZoneSpread { get; init; } = 0.05;

    public const string Picks = "picks";

    public const string Coupon = "coupon";

    public const string Window = "window";

    public const string Level = "level";

    public static TrialOptions Parse(string[] args)
    {
        var options = (args.Contains("--setting") ? args.SkipWhile(a => a != "--setting").Skip(1).FirstOrDefault() : null) switch
        {
            Coupon => new TrialOptions { Setting = Coupon, BaseRate = 0.5, Effect = 0.1 },
            Window => new TrialOptions { Setting = Window, BaseRate = 0.9, Effect = -0.1 },
            Level => new TrialOptions { Setting = Level, BaseRate = 0.9, Effect = 0.05 },
            _ => new TrialOptions(),
        };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--trials" => options with { Trials = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--base" => options with { BaseRate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--effect" => options with { Effect = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--treatment" => options with { Treatment = Next() },
                "--setting" => options with { Setting = Next() },
                "--treatment-uplift" => options with { TreatmentUplift = decimal.Parse(Next(), CultureInfo.InvariantCulture) },
                "--sessions" or "--zones" or "--cells" => options with { Sessions = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--treatment-window" => options with { TreatmentWindow = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--orders-per-zone" or "--censuses" => options with { OrdersPerZone = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--treatment-level" => options with { TreatmentLevel = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--zone-spread" or "--cell-spread" => options with { ZoneSpread = double.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown argument {args[i]}; see the README's 'Experiments'."),
            };
        }

        var treated = options.BaseRate + options.Effect;
        return options.Trials > 0 && options.BaseRate is > 0 and < 1 && treated is > 0 and < 1 && options.Effect != 0 && options.Sessions is null or >= 4
            && options.Setting is Picks or Coupon or Window or Level && options.TreatmentUplift is > 0.10m and <= 1m
            && options.TreatmentWindow is > 5 and <= 60 && options.TreatmentLevel is > 0.95 and <= 0.999 && options.OrdersPerZone is >= 1 and <= 100
            && options.ZoneSpread >= 0 && options.ZoneSpread * options.ZoneSpread < options.BaseRate * (1 - options.BaseRate)
            ? options
            : throw new ArgumentException("--trials must be positive, --base and --base + --effect strictly between 0 and 1, --effect not 0, --sessions (--zones, --cells) at least 4, --setting picks, coupon, window or level, --treatment-uplift above 0.10 and at most 1, --treatment-window above 5 and at most 60, --treatment-level above 0.95 and at most 0.999, --orders-per-zone (--censuses) 1–100, --zone-spread (--cell-spread) at least 0 and below √(base (1 − base)).");
    }
}
