using Tandem.Contracts.Experiments;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Hosting.Simulation;

namespace Tandem.ExperimentTrials;

/// <summary>How every trial runs its experiment: defined and started by an operator, stopped at the end, on the simulated clock.</summary>
internal static class TrialExperiment
{
    private const string Operator = "ops:trials";

    /// <summary>Defines and starts the experiment, then moves the clock past the refresh: every silo's policies read the running list again.</summary>
    public static async Task<IExperimentGrain> StartAsync(IGrainFactory grains, SimulatedClock clock, ExperimentDefinition definition)
    {
        var experiment = grains.Experiment(definition.Id);
        await experiment.CreateAsync(definition, Operator);
        await experiment.StartAsync(Operator);
        clock.Advance(ExperimentOptions.DefaultRefreshEvery + TimeSpan.FromSeconds(1));
        return experiment;
    }

    /// <summary>Stops the experiment; the next trial starts a second later, after everything this one's units did.</summary>
    public static async Task StopAsync(IExperimentGrain experiment, SimulatedClock clock)
    {
        await experiment.StopAsync(Operator);
        clock.Advance(TimeSpan.FromSeconds(1));
    }
}
