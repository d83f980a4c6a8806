using Tandem.Brains.Forecasting;

namespace Tandem.Tests.Forecasting;

public sealed class LeadTimeDemandTests
{
    [Fact]
    public void With_a_fixed_lead_time_and_exact_past_forecasts_every_path_is_the_forecast_total()
    {
        var forecast = Forecast([.. Enumerable.Repeat(2.0, 28)], new ResidualPool([(Days(1), Days(1))]));

        var demand = LeadTimeDemand.Simulate(forecast, [5], 1_000, new Random(1));

        Assert.Equal(10, demand.ReorderPoint(0.95), 9);
        Assert.Equal(10, demand.Expected, 9);
        Assert.Equal(0, demand.StockOutRisk(10));
        Assert.Equal(1, demand.StockOutRisk(9.99));
    }

    [Fact]
    public void The_reorder_point_is_the_service_level_s_quantile_of_the_simulated_paths()
    {
        // Past months sold 0×, 1× … 9× their forecast (ten paths), lead time 4 days of 1 unit: demand is 0, 4, … 36 units,
        // each in a tenth of the paths, so 95 % is covered only by the largest.
        var pool = new ResidualPool([.. Enumerable.Range(0, 10).Select(k => (Days(1), Days(k)))]);
        var forecast = Forecast([.. Enumerable.Repeat(1.0, 28)], pool);

        var demand = LeadTimeDemand.Simulate(forecast, [4], 100_000, new Random(3));

        Assert.Equal(36, demand.ReorderPoint(0.95), 9);
        Assert.Equal(32, demand.ReorderPoint(0.85), 9);
        Assert.InRange(demand.Expected, 17.6, 18.4);
        Assert.InRange(demand.StockOutRisk(20), 0.39, 0.41);
    }

    [Fact]
    public void Lead_times_are_drawn_from_the_observed_ones()
    {
        var forecast = Forecast([.. Enumerable.Repeat(1.0, 28)], new ResidualPool([(Days(1), Days(1))]));

        var demand = LeadTimeDemand.Simulate(forecast, [2, 10], 100_000, new Random(5));

        Assert.Equal(10, demand.ReorderPoint(0.95), 9);
        Assert.Equal(2, demand.ReorderPoint(0.45), 9);
        Assert.InRange(demand.StockOutRisk(5), 0.49, 0.51);
    }

    [Fact]
    public void Without_a_residual_pool_lead_time_demand_is_Poisson_around_the_forecast()
    {
        // 2 a day over 5 days: Poisson with mean 10, whose 95 % quantile is 15 (P(X ≤ 14) = 0.9165, P(X ≤ 15) = 0.9513).
        var forecast = Forecast([.. Enumerable.Repeat(2.0, 28)], null);

        var demand = LeadTimeDemand.Simulate(forecast, [5], 100_000, new Random(7));

        Assert.InRange(demand.Expected, 9.9, 10.1);
        Assert.Equal(15, demand.ReorderPoint(0.95));
        Assert.Equal(15, PoissonSales.Quantile(10, 0.95));
        Assert.Equal(0, PoissonSales.Quantile(0, 0.95));
    }

    [Fact]
    public void A_held_out_month_of_fewer_than_thirty_paths_gives_no_pool()
    {
        var few = new ForecastResiduals([.. Enumerable.Range(0, 29).Select(_ => (LifecycleStage.Mature, Days(1), Days(0)))]);
        var enough = new ForecastResiduals([.. Enumerable.Range(0, 30).Select(_ => (LifecycleStage.Mature, Days(1), Days(0)))]);

        Assert.Null(few.For(LifecycleStage.Mature, 1));
        Assert.Null(few.For(LifecycleStage.New, 1));
        Assert.NotNull(enough.For(LifecycleStage.Mature, 1));
        Assert.NotNull(enough.For(LifecycleStage.New, 1));
    }

    [Fact]
    public void The_textbook_reorder_point_is_mean_demand_plus_z_sigma_root_L()
    {
        Assert.Equal((3 * 9) + (1.6448536269514722 * 2 * 3), LeadTimeDemand.NormalReorderPoint(3, 2, 9, 0.95), 6);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var forecast = Forecast([1.0], new ResidualPool([(Days(1), Days(1))]));

        Assert.Throws<ArgumentException>(() => LeadTimeDemand.Simulate(forecast, [], 10, new Random(1)));
        Assert.Throws<ArgumentException>(() => LeadTimeDemand.Simulate(forecast, [0], 10, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LeadTimeDemand.Simulate(forecast, [1], 10, new Random(1)).ReorderPoint(1));
    }

    [Fact]
    public void Past_months_that_forecast_almost_nothing_do_not_blow_up_a_slow_cell_s_reorder_point()
    {
        // 40 held-out months forecast half a unit a day and sold 0.4–0.5 a day; 10 more forecast a millionth of a unit a
        // day and sold 2 units on their first day: as ratios those say "sold 285,714 times the forecast".
        var paths = Enumerable.Range(0, 40).Select(k => (LifecycleStage.Declining, Days(0.5), Days(k % 2 == 0 ? 0.5 : 0.4)))
            .Concat(Enumerable.Range(0, 10).Select(_ => (LifecycleStage.Declining, Days(1e-6), (double[])[2, .. Enumerable.Repeat(0.0, 27)])))
            .ToList();
        var pool = new ForecastResiduals(paths).For(LifecycleStage.Declining, 0.02);
        var forecast = Forecast([.. Enumerable.Repeat(0.02, 28)], pool);

        var demand = LeadTimeDemand.Simulate(forecast, [7], 10_000, new Random(11));

        Assert.InRange(demand.Expected, 0.12, 0.14); // 0.14 forecast, the months sold 0.8–1 times theirs
        Assert.InRange(demand.ReorderPoint(0.98), 0.14, 0.14 + 1e-9);
        Assert.InRange(pool!.DailyRatio(0.9), 1, 1 + 1e-9);
    }

    private static double[] Days(double each) => [.. Enumerable.Repeat(each, 28)];

    private static SeriesForecast Forecast(double[] mean, ResidualPool? pool) => new()
    {
        Key = "1@s",
        Origin = 0,
        Stage = LifecycleStage.Mature,
        Mean = mean,
        Model = mean,
        Fallback = mean,
        ModelWeight = 1,
        Quantiles = new Dictionary<double, double[]>(),
        Residuals = pool,
    };
}
