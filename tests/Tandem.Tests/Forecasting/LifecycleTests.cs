using Tandem.Brains.Forecasting;

namespace Tandem.Tests.Forecasting;

public sealed class LifecycleTests
{
    [Fact]
    public void An_item_younger_than_forty_trading_days_is_new()
    {
        Assert.Equal(LifecycleStage.New, Lifecycle.Of([.. Enumerable.Repeat(5.0, 39)]));
        Assert.Equal(LifecycleStage.Mature, Lifecycle.Of([.. Enumerable.Repeat(5.0, 40)]));
    }

    [Fact]
    public void An_item_selling_on_fewer_than_three_days_in_four_is_intermittent()
    {
        // Sales on two days of three: 0.667 of the last 60 days, under 0.757.
        double[] history = [.. Enumerable.Range(0, 120).Select(d => d % 3 == 0 ? 0.0 : 2.0)];

        Assert.Equal(LifecycleStage.Intermittent, Lifecycle.Of(history));
    }

    [Fact]
    public void An_item_whose_last_month_sold_under_forty_percent_of_the_months_before_is_declining()
    {
        double[] history = [.. Enumerable.Repeat(10.0, 90), .. Enumerable.Repeat(3.0, 30)];

        Assert.Equal(LifecycleStage.Declining, Lifecycle.Of(history));
        Assert.Equal(LifecycleStage.Mature, Lifecycle.Of([.. Enumerable.Repeat(10.0, 90), .. Enumerable.Repeat(5.0, 30)]));
    }
}
