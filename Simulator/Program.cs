using System.Runtime.InteropServices;
using Tandem.Simulator.City;

namespace Tandem.Simulator;

/// <summary>
/// <c>dotnet run --project Simulator</c>: brings the Tandem at http://localhost:5080 (<c>dotnet run --project Api</c>) to
/// life; <c>-- --url http://…</c> another one. It waits for Tandem to be ready, then runs until Ctrl+C, SIGTERM or
/// <c>--seconds</c>.
/// </summary>
public static class SimulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        SimulationOptions options;
        try
        {
            options = SimulationOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        using var stop = new CancellationTokenSource(options.Duration ?? Timeout.InfiniteTimeSpan);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true; // stop the simulation, then exit on our own
            stop.Cancel();
        });

        try
        {
            Console.WriteLine($"Waiting for Tandem at {options.Url} to be ready…");
            if (!await TandemReadiness.WaitAsync(options.Url, options.ReadyWithin, stop.Token))
            {
                await Console.Error.WriteLineAsync($"Tandem at {options.Url} was not ready within {options.ReadyWithin.TotalSeconds:0} s; start it with: dotnet run --project Api");
                return 1;
            }

            Console.WriteLine($"The living city runs against {options.Url} (seed {options.Seed}, {options.OrdersPerMinute} orders/min, {options.Couriers} couriers, pace {options.Pace}×).");
            Console.WriteLine($"Shop {options.Url}  ·  courier {new Uri(options.Url, "/courier")}  ·  control room {new Uri(options.Url, "/ops")}");
            await new CitySimulation(options, options.Url, Console.Out).RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopped by Ctrl+C, SIGTERM or --seconds
        }

        return 0;
    }
}
