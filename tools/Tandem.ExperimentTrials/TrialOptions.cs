using System.Globalization;

namespace Tandem.ExperimentTrials;

/// <summary>What the trials look like; every draw follows from <see cref="Seed"/>.</summary>
internal sealed record TrialOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Experiments of each kind (A/A, then A/B).</summary>
    public int Trials { get; init; } = 40;

    /// <summary>What the experiments change: <c>picks</c> (the session's recommendation strategy) or <c>coupon</c> (the shopper's returns coupon uplift).</summary>
    public string Setting { get; init; } = Picks;

    /// <summary>The control's conversion rate, which simulated shoppers follow (picks: 0.1, buying; coupon: 0.5, taking the coupon).</summary>
    public double BaseRate { get; init; } = 0.1;

    /// <summary>The effect injected in the A/B trials' treatment (absolute), and the smallest one the experiments are planned to find (picks: 0.02; coupon: 0.1).</summary>
    public double Effect { get; init; } = 0.02;

    /// <summary>The treatment's recommendation strategy in the A/B trials (the A/A trials use the bandit in both variants).</summary>
    public string Treatment { get; init; } = "popular";

    /// <summary>The coupon uplift of the A/B trials' treatment (the control's, and both A/A variants', is the policy's 0.10).</summary>
    public decimal TreatmentUplift { get; init; } = 0.25m;

    /// <summary>Units (sessions or shoppers) per trial; none: twice the planned units per variant.</summary>
    public int? Sessions { get; init; }

    public const string Picks = "picks";

    public const string Coupon = "coupon";

    public static TrialOptions Parse(string[] args)
    {
        var options = args.Contains("--setting") && args.SkipWhile(a => a != "--setting").Skip(1).FirstOrDefault() == Coupon
            ? new TrialOptions { Setting = Coupon, BaseRate = 0.5, Effect = 0.1 }
            : new TrialOptions();
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
                "--sessions" => options with { Sessions = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown argument {args[i]}; see the README's 'Experiments'."),
            };
        }

        var treated = options.BaseRate + options.Effect;
        return options.Trials > 0 && options.BaseRate is > 0 and < 1 && treated is > 0 and < 1 && options.Effect != 0 && options.Sessions is null or >= 4
            && options.Setting is Picks or Coupon && options.TreatmentUplift is > 0.10m and <= 1m
            ? options
            : throw new ArgumentException("--trials must be positive, --base and --base + --effect strictly between 0 and 1, --effect not 0, --sessions at least 4, --setting picks or coupon, --treatment-uplift above 0.10 and at most 1.");
    }
}
