using System.Runtime.InteropServices;
using Tandem.Api.Hosting;
using Tandem.Silo.Demo;
using Tandem.Simulator.City;

namespace Tandem.Simulator;

/// <summary>
/// <c>dotnet run --project Simulator</c>: Tandem (embedded, demo city) on http://localhost:5080, alive.
/// <c>dotnet run --project Simulator -- --url http://…</c>: brings an already running Tandem to life.
/// </summary>
public static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        var options = SimulationOptions.Parse(args);
        using var stop = new CancellationTokenSource(options.Duration ?? Timeout.InfiniteTimeSpan);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true; // stop the simulation, then the embedded Tandem, then exit on our own
            stop.Cancel();
        });

        WebApplication? tandem = null;
        var url = options.Url;
        if (url is null)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ApiContentRoot() });
            builder.WebHost.UseUrls(options.HostUrl);
            builder.AddTandem();
            tandem = builder.Build();
            tandem.MapTandem();
            await tandem.StartAsync();
            tandem.Lifetime.ApplicationStopping.Register(stop.Cancel);
            await (tandem.Services.GetService<DemoSeedStatus>()?.Completion ?? Task.CompletedTask);
            url = new Uri(options.HostUrl);
        }

        Console.WriteLine($"The living city runs against {url} (seed {options.Seed}, {options.OrdersPerMinute} orders/min, {options.Couriers} couriers, pace {options.Pace}×).");
        Console.WriteLine($"Shop {url}  ·  courier {new Uri(url, "/courier")}  ·  control room {new Uri(url, "/ops")}");
        try
        {
            await new CitySimulation(options, url, Console.Out).RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopped by Ctrl+C, SIGTERM or --seconds
        }

        if (tandem is not null)
        {
            await tandem.StopAsync();
            await tandem.DisposeAsync();
        }
    }

    /// <summary>The web clients live in the Api project (wwwroot); serve them from there when running from the repository.</summary>
    private static string ApiContentRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var api = Path.Combine(directory.FullName, "Api");
            if (File.Exists(Path.Combine(directory.FullName, "Tandem.slnx")) && Directory.Exists(api))
            {
                return api;
            }
        }

        return AppContext.BaseDirectory;
    }
}
