using System.Globalization;
using System.Net;
using System.Net.Sockets;

using Tandem.Grains.Infrastructure;
using Tandem.Hosting.Configuration;

namespace Tandem.Hosting.Simulation;

/// <summary>
/// A silo in the simulating process (embedded storage, in-memory streams, no demo data) whose business clock is the
/// simulation's: the real grains, on simulated time.
/// </summary>
public static class SimulatedSilo
{
    /// <summary>The silo, not started; <paramref name="settings"/> add to or override its configuration.</summary>
    public static IHost Build(TimeProvider clock, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = "Production" });
        var models = Path.Combine(Path.GetTempPath(), "tandem-simulation-" + Guid.NewGuid().ToString("N")[..8]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tandem:Demo:Seed"] = "false",
            ["Tandem:Dashboard:Enabled"] = "false",
            ["Tandem:Intent:Log"] = "false",
            ["Tandem:Intent:ModelFolder"] = models,
            ["Tandem:Cluster:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Tandem:Cluster:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Tandem:Streams:PollEvery"] = "00:00:00.001",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        // Every log line to standard error: standard output is the simulation's table and JSON line.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);
        builder.Services.AddKeyedSingleton(TandemClock.Key, clock);
        builder.AddTandemSilo();
        return builder.Build();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
