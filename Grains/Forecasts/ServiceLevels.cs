using Microsoft.Extensions.Logging;

using Tandem.Contracts.Experiments;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Forecasts;

/// <summary>
/// The service level each cell's safety stock is set for in one forecast round: the variant's of a running experiment
/// that assigns the cell (by its location's region), else the product's. The cells met are told to their experiments'
/// tallies once the round handed its forecasts over (<see cref="ExposeAsync"/>); a cell whose exposure could not be told is
/// told again at its next forecast.
/// </summary>
public sealed class ServiceLevels(IReadOnlyList<ExperimentView> running, IReadOnlyDictionary<string, string> regionOf, double product, DateTimeOffset now)
{
    private readonly List<(string ExperimentId, TallyEntry Entry)> _met = [];

    /// <summary>The level for <paramref name="cell"/> and the variant it came from (<c>experiment:variant</c>), if any.</summary>
    public (double Level, string? Experiment) For(CellKey cell)
    {
        if (!regionOf.TryGetValue(cell.LocationId, out var region)
            || ExperimentUnits.FindSupply(running, nameof(VariantSettings.ServiceLevel), cell.ToString(), region, now) is not { } exposure)
        {
            return (product, null);
        }

        _met.Add((exposure.ExperimentId, new TallyEntry { UnitId = cell.ToString(), Variant = exposure.Variant, At = now }));
        var level = running.First(e => e.Definition.Id == exposure.ExperimentId).Definition.Variants[exposure.Variant].Settings.ServiceLevel ?? product;
        return (level, ExperimentUnits.Tag(exposure));
    }

    /// <summary>Tells each experiment's tally the cells that met it this round (the tallies count a unit once).</summary>
    public async Task ExposeAsync(IGrainFactory grains, ILogger logger)
    {
        foreach (var batch in _met.Chunk(256))
        {
            try
            {
                await Task.WhenAll(batch.Select(m =>
                    grains.ExperimentTally(m.ExperimentId, ExperimentUnitKinds.Cell, IExperimentTallyGrain.ShardOf(m.Entry.UnitId)).ExposeAsync(m.Entry)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.ServiceLevelExposureFailed(ex, batch.Length);
            }
        }
    }
}
