using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

using Tandem.Hosting.Simulation;

namespace Tandem.Tests.Hosting;

/// <summary>The simulations' silo keeps standard output for the simulations' tables and JSON lines.</summary>
public sealed class SimulatedSiloTests
{
    [Fact]
    public void The_silo_logs_to_standard_error_whatever_the_level()
    {
        using var silo = SimulatedSilo.Build(TimeProvider.System, new Dictionary<string, string?>()); // built, not started

        Assert.Equal(LogLevel.Trace, silo.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.LogToStandardErrorThreshold);
    }
}
