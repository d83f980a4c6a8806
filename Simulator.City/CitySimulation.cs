using System.Globalization;

namespace Tandem.Simulator.City;

/// <summary>
/// The living city: the demo couriers ride, store staff pack and restock, and shoppers visit at the rate that
/// yields the target orders per minute. Every random choice comes from <see cref="SimulationOptions.Seed"/>:
/// visit n always makes the same choices, courier k always rides the same way.
/// </summary>
public sealed class CitySimulation(SimulationOptions options, Uri baseUrl, TextWriter log)
{
    private CityExperiment? _experiment;

    public CityStats Stats { get; } = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = new SimulatedTime(options.Pace);
        var agents = new List<Task>();
        using var staff = await TandemClient.SignInAsync(baseUrl, options.Issuer ?? baseUrl, "ops", "sim-store-staff", cancellationToken);
        if (options.AaExperiment)
        {
            _experiment = new CityExperiment(staff, log);
            await _experiment.StartAsync(cancellationToken);
        }

        agents.Add(Guard(new StoreStaffAgent(staff, new Random(options.Seed), time, Stats).RunAsync(cancellationToken)));
        if (options.RainEveryMinutes > 0)
        {
            agents.Add(Guard(new WeatherAgent(staff, new Random(options.Seed + 99), time, TimeSpan.FromMinutes(options.RainEveryMinutes), log).RunAsync(cancellationToken)));
        }
        var riders = new List<TandemClient>();
        for (var k = 1; k <= options.Couriers; k++)
        {
            var rider = await TandemClient.SignInAsync(baseUrl, options.Issuer ?? baseUrl, "courier", "courier-" + k.ToString("D3", CultureInfo.InvariantCulture), cancellationToken);
            riders.Add(rider);
            agents.Add(Guard(new CourierAgent(rider, new Random(options.Seed + k), time, Stats).RunAsync(cancellationToken)));
        }

        using var reader = await TandemClient.SignInAsync(baseUrl, options.Issuer ?? baseUrl, "shopper", "sim-catalog-reader", cancellationToken);
        var categories = (await reader.GetAsync<string[]>("/api/categories", cancellationToken))!;
        agents.Add(Guard(VisitsAsync(time, categories, cancellationToken)));
        agents.Add(Guard(ReportAsync(cancellationToken)));
        try
        {
            await Task.WhenAll(agents);
        }
        finally
        {
            riders.ForEach(r => r.Dispose());
            if (_experiment is not null)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _experiment.FinishAsync(closing.Token); // the city has closed: its results as they stand
            }
        }
    }

    /// <summary>Shopper visits arrive as a Poisson process (exponential gaps) at the rate the order target needs.</summary>
    private async Task VisitsAsync(SimulatedTime time, IReadOnlyList<string> categories, CancellationToken cancellationToken)
    {
        var arrivals = new Random(options.Seed - 1);
        var meanGap = 60.0 / ShopperAgent.VisitsPerMinute(options.OrdersPerMinute);
        var visits = new List<Task>();
        for (var n = 0; !cancellationToken.IsCancellationRequested; n++)
        {
            var shopperId = ShopperAgent.ShopperId(n);
            var random = new Random(Seeds.ForVisit(options.Seed, n));
            visits.Add(Guard(Visit(shopperId, random, time, categories, cancellationToken)));
            visits.RemoveAll(v => v.IsCompleted);
            await time.WaitAsync(TimeSpan.FromSeconds(-Math.Log(1 - arrivals.NextDouble()) * meanGap), cancellationToken);
        }

        await Task.WhenAll(visits);
    }

    private async Task Visit(string shopperId, Random random, SimulatedTime time, IReadOnlyList<string> categories, CancellationToken cancellationToken)
    {
        using var client = await TandemClient.SignInAsync(baseUrl, options.Issuer ?? baseUrl, "shopper", shopperId, cancellationToken);
        await new ShopperAgent(client, random, time, categories, Stats).RunAsync(cancellationToken);
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await tick.WaitForNextTickAsync(cancellationToken))
        {
            await log.WriteLineAsync($"city: {Stats}");
            if (_experiment is not null)
            {
                await log.WriteLineAsync($"city: {await _experiment.ProgressAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>An agent's failure is counted and logged; the city goes on.</summary>
    private async Task Guard(Task agent)
    {
        try
        {
            await agent;
        }
        catch (OperationCanceledException)
        {
            // the city is closing
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref Stats.Errors);
            await log.WriteLineAsync($"city: an agent stopped: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
