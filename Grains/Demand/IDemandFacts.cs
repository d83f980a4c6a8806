using Tandem.Contracts.Forecasts;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Demand;

/// <summary>
/// Where demand and forecasts are kept as facts for analysis (a port): PostgreSQL tables in a cluster, nowhere in the
/// embedded default. Both writes are idempotent (a day's totals replace what was there; a forecast is kept once).
/// </summary>
public interface IDemandFacts
{
    Task SaveDaysAsync(CellKey cell, IReadOnlyList<DemandDay> days, CancellationToken cancellationToken);

    Task SaveForecastAsync(CellForecast forecast, CancellationToken cancellationToken);
}
