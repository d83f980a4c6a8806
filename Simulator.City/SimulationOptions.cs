using System.Globalization;

namespace Tandem.Simulator.City;

/// <summary>What the living city looks like; every decision follows from <see cref="Seed"/>.</summary>
public sealed record SimulationOptions
{
    /// <summary>Tandem's base URL: by default the Api as <c>dotnet run --project Api</c> starts it.</summary>
    public Uri Url { get; init; } = new("http://localhost:5080");

    /// <summary>Where development tokens come from; none means Tandem itself (its embedded mode issues them).</summary>
    public Uri? Issuer { get; init; }

    /// <summary>How long to wait for Tandem to report ready (demo city seeded) before giving up.</summary>
    public TimeSpan ReadyWithin { get; init; } = TimeSpan.FromMinutes(2);

    public int Seed { get; init; } = 20261124;

    /// <summary>Orders the shoppers aim for, per minute of simulated time.</summary>
    public double OrdersPerMinute { get; init; } = 20;

    /// <summary>How many of the demo couriers (courier-001…) ride.</summary>
    public int Couriers { get; init; } = 40;

    /// <summary>Simulated seconds per real second: 1 is real time (couriers at 15–25 km/h), 10 runs the city ten times faster.</summary>
    public double Pace { get; init; } = 1;

    /// <summary>Every this many simulated minutes it rains over part of the city for half as long (0: never).</summary>
    public double RainEveryMinutes { get; init; }

    /// <summary>Run an A/A experiment (the shop's picks against themselves) while the city lives, and print its results at the end.</summary>
    public bool AaExperiment { get; init; }

    /// <summary>How long to run; none runs until stopped.</summary>
    public TimeSpan? Duration { get; init; }

    public static SimulationOptions Parse(string[] args)
    {
        var options = new SimulationOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--url" => options with { Url = new Uri(Next()) },
                "--ready-within" => options with { ReadyWithin = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--issuer" => options with { Issuer = new Uri(Next()) },
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--orders-per-minute" => options with { OrdersPerMinute = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--couriers" => options with { Couriers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--pace" => options with { Pace = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rain-every-minutes" => options with { RainEveryMinutes = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--aa-experiment" => options with { AaExperiment = true },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown argument {args[i]}; see the README's 'The living city'."),
            };
        }

        return options.Pace > 0 && options.OrdersPerMinute > 0 && options.Couriers is >= 0 and <= 40 && options.RainEveryMinutes >= 0
            ? options
            : throw new ArgumentException("--pace and --orders-per-minute must be positive; --couriers 0–40; --rain-every-minutes not negative.");
    }
}
