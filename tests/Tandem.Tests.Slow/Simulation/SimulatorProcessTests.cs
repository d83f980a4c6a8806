using Tandem.Simulator.City;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Simulation;

/// <summary>The simulator as a user runs it: one seed replays the same run in any process, and SIGTERM stops it.</summary>
[Collection(CityCollection.Name)]
public sealed class SimulatorProcessTests
{
    [Fact]
    public void A_seed_gives_every_visit_the_same_random_stream_in_every_process()
    {
        static int[] Choices(int seed, int visit)
        {
            var random = new Random(Seeds.ForVisit(seed, visit));
            return [.. Enumerable.Range(0, 5).Select(_ => random.Next(1000))];
        }

        // Known answers, computed once: a per-process hash (as HashCode is) would change them in every test run.
        Assert.Equal([1_133_140_305, 633_578_304, -1_787_011_294], new[] { Seeds.ForVisit(7, 0), Seeds.ForVisit(7, 1), Seeds.ForVisit(8, 0) });
        Assert.Equal(Choices(7, 3), Choices(7, 3));
        Assert.NotEqual(Choices(7, 3), Choices(7, 4));
        Assert.Equal("sim-shopper-000042", ShopperAgent.ShopperId(42));
        Assert.Equal(30 / ((1 - Math.Pow(0.65, 4)) * 0.6), ShopperAgent.VisitsPerMinute(30), 9);
    }

    [Fact]
    public async Task The_simulator_waits_for_tandem_then_stops_on_SIGTERM_and_exits_cleanly()
    {
        var key = Path.Combine(Path.GetTempPath(), "tandem-tests", Guid.NewGuid().ToString("N") + ".pem");
        var port = TandemProcess.FreePort();
        await using var simulator = TandemProcess.Simulator("simulator", $"http://127.0.0.1:{port}", "--seed", "7", "--pace", "20");
        await simulator.WaitForOutputAsync("Waiting for Tandem", TimeSpan.FromSeconds(60));
        await using var tandem = TandemProcess.EmbeddedApi("api", port, key); // started after the simulator: it waits
        await simulator.WaitForOutputAsync("The living city runs against", TimeSpan.FromSeconds(120));

        await simulator.StopAsync(TimeSpan.FromSeconds(30)); // throws if it is still running then

        Assert.Equal(0, await simulator.ExitCodeAsync(TimeSpan.FromSeconds(1)));
        await tandem.StopAsync(TimeSpan.FromSeconds(30));
        File.Delete(key);
    }

    [Fact]
    public async Task The_simulator_gives_up_with_a_clear_message_when_tandem_never_becomes_ready()
    {
        await using var simulator = TandemProcess.Simulator("simulator", $"http://127.0.0.1:{TandemProcess.FreePort()}", "--ready-within", "1");

        Assert.Equal(1, await simulator.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("was not ready within 1 s; start it with: dotnet run --project Api", simulator.Output, StringComparison.Ordinal);
    }
}
