using Tandem.Hosting.Simulation;

using static Tandem.Hosting.Simulation.SimulationArguments;

namespace Tandem.DispatchDay;

/// <summary>
/// The day to simulate: its seed, the couriers, the hours the shop takes orders (London time, a December day, so UTC),
/// the demand (orders per hour off-peak, and at the top of the lunch and dinner peaks), and a rain spell over part of the
/// city. Every option has a default; <c>--name value</c> changes it.
/// </summary>
internal sealed record DayOptions
{
    public int Seed { get; init; } = 1;

    public int Couriers { get; init; } = 30;

    public int OpensAt { get; init; } = 10;

    public int ClosesAt { get; init; } = 22;

    public double OffPeakPerHour { get; init; } = 30;

    public double LunchPeakPerHour { get; init; } = 90;

    public double DinnerPeakPerHour { get; init; } = 110;

    /// <summary>Rain from this hour for <see cref="RainHours"/> over the west of the city (0: no rain).</summary>
    public double RainFrom { get; init; } = 17.5;

    public double RainHours { get; init; } = 2;

    /// <summary>Which policies to run: both (the baseline first), or one.</summary>
    public string Policies { get; init; } = "both";

    public DateTimeOffset Day { get; } = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    public static DayOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DayOptions();
        foreach (var (name, text) in SimulationArguments.Pairs(args))
        {
            options = name switch
            {
                "seed" => options with { Seed = Whole(name, text, 0) },
                "couriers" => options with { Couriers = Whole(name, text, 1) },
                "opens" => options with { OpensAt = Whole(name, text, 0) },
                "closes" => options with { ClosesAt = Whole(name, text, 1) },
                "off-peak" => options with { OffPeakPerHour = Number(name, text) },
                "lunch-peak" => options with { LunchPeakPerHour = Number(name, text) },
                "dinner-peak" => options with { DinnerPeakPerHour = Number(name, text) },
                "rain-from" => options with { RainFrom = Number(name, text) },
                "rain-hours" => options with { RainHours = Number(name, text) },
                "policies" when text is "both" or "nearest-idle" or "least-cost" => options with { Policies = text },
                _ => throw new ArgumentException($"Unknown option --{name} {text}."),
            };
        }

        return options.OpensAt < options.ClosesAt && options.ClosesAt <= 24
            ? options
            : throw new ArgumentException("--opens must be before --closes, both within the day.");
    }

    /// <summary>Whether an order placed at <paramref name="at"/> falls in a peak (12:00–14:00 or 18:00–21:00).</summary>
    public static bool IsPeak(DateTimeOffset at) => at.Hour is 12 or 13 or 18 or 19 or 20;

    /// <summary>Orders per hour at <paramref name="at"/>: off-peak plus a lunch bump (top at 13:00) and a dinner bump (top at 19:30).</summary>
    public double DemandAt(DateTimeOffset at)
    {
        var hour = at.TimeOfDay.TotalHours;
        static double Bump(double hour, double top, double width) => Math.Exp(-0.5 * Math.Pow((hour - top) / width, 2));
        return OffPeakPerHour
            + ((LunchPeakPerHour - OffPeakPerHour) * Bump(hour, 13, 0.6))
            + ((DinnerPeakPerHour - OffPeakPerHour) * Bump(hour, 19.5, 0.8));
    }
}
