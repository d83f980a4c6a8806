using Tandem.Contracts.Forecasts;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Demand;

/// <summary>The embedded default: the grains' own state is all there is.</summary>
public sealed class NoDemandFacts : IDemandFacts
{
    public Task SaveDaysAsync(CellKey cell, IReadOnlyList<DemandDay> days, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SaveForecastAsync(CellForecast forecast, CancellationToken cancellationToken) => Task.CompletedTask;
}
