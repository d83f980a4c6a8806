using Tandem.Contracts.Forecasts;

namespace Tandem.Grains.Forecasts;

[GenerateSerializer, Alias("tandem.forecast-planner-state")]
public sealed class ForecastPlannerState
{
    /// <summary>Every cell that ever had demand.</summary>
    [Id(0)] public HashSet<string> Known { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Cells whose inputs changed since their last forecast.</summary>
    [Id(1)] public HashSet<string> Waiting { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last rounds, oldest first.</summary>
    [Id(2)] public List<ForecastRound> Rounds { get; set; } = [];
}
