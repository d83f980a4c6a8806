namespace Tandem.Brains.Forecasting;

/// <summary>
/// Residual pools per stage and per band of forecast level (five bands by the quintiles of the mean daily forecast), learned
/// from a held-out month; a stage or band with fewer than 30 paths borrows its stage's whole pool, and a stage without any
/// the pool of all paths. With fewer than 30 paths in all there is no pool: a handful of months says nothing of how sales
/// scatter, so forecasts then assume Poisson sales around their mean. A month that forecast under one unit in all is left
/// out: its actual-to-forecast ratios are a few units over almost nothing, and would scale every cell's demand by thousands.
/// </summary>
public sealed class ForecastResiduals
{
    private const int Bands = 5;
    private const int MinimumPaths = 30;
    private const double MinimumForecast = 1;

    private readonly Dictionary<LifecycleStage, (double[] Edges, ResidualPool?[] Bands, ResidualPool Whole)> _stages = [];
    private readonly ResidualPool? _all;

    public ForecastResiduals(IReadOnlyList<(LifecycleStage Stage, double[] Forecast, double[] Actual)> held)
    {
        var paths = held.Where(p => p.Forecast.Sum() >= MinimumForecast).ToList();
        _all = paths.Count == 0 ? null : new ResidualPool([.. paths.Select(p => (p.Forecast, p.Actual))]);
        foreach (var stage in paths.GroupBy(p => p.Stage))
        {
            var ordered = stage.OrderBy(p => p.Forecast.Average()).ToList();
            if (ordered.Count < MinimumPaths)
            {
                continue;
            }

            var edges = new double[Bands - 1];
            var bands = new ResidualPool?[Bands];
            for (var band = 0; band < Bands; band++)
            {
                var (from, to) = (band * ordered.Count / Bands, (band + 1) * ordered.Count / Bands);
                if (band > 0)
                {
                    edges[band - 1] = ordered[from].Forecast.Average();
                }

                bands[band] = to - from >= MinimumPaths ? new ResidualPool([.. ordered[from..to].Select(p => (p.Forecast, p.Actual))]) : null;
            }

            _stages[stage.Key] = (edges, bands, new ResidualPool([.. ordered.Select(p => (p.Forecast, p.Actual))]));
        }
    }

    /// <summary>The pool for a series of <paramref name="stage"/> whose mean daily forecast is <paramref name="level"/>, or null when too few paths were held out.</summary>
    public ResidualPool? For(LifecycleStage stage, double level)
    {
        if (!_stages.TryGetValue(stage, out var pools))
        {
            return _all is { Paths: >= MinimumPaths } ? _all : null;
        }

        var band = 0;
        while (band < pools.Edges.Length && level >= pools.Edges[band])
        {
            band++;
        }

        return pools.Bands[band] ?? pools.Whole;
    }
}
