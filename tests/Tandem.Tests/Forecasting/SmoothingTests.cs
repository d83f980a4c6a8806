using Tandem.Brains.Forecasting;

namespace Tandem.Tests.Forecasting;

public sealed class SmoothingTests
{
    [Fact]
    public void TSB_smooths_the_chance_of_a_sale_and_its_size_apart()
    {
        // Warm-up over the ten values: 2 sales of sizes 4 and 6 → chance 0.2, size 5. Then each of the ten values:
        // a sale raises the chance by β(1 − p) and moves the size by α(y − z); a day without one lowers the chance by βp.
        double[] history = [4, 0, 0, 0, 0, 6, 0, 0, 0, 0];
        var (p, z) = (0.2, 5.0);
        foreach (var y in history)
        {
            if (y > 0)
            {
                p += 0.05 * (1 - p);
                z += 0.1 * (y - z);
            }
            else
            {
                p -= 0.05 * p;
            }
        }

        Assert.Equal(p * z, Smoothing.Tsb(history), 12);
        Assert.Equal(0, Smoothing.Tsb([0, 0, 0]));
    }

    [Fact]
    public void TSB_fades_an_item_that_stopped_selling_while_Croston_keeps_its_old_rate()
    {
        double[] history = [.. Enumerable.Repeat(new double[] { 3, 0 }, 20).SelectMany(x => x), .. Enumerable.Repeat(0.0, 60)];

        Assert.True(Smoothing.Tsb(history) < 0.1 * Smoothing.Croston(history), $"TSB {Smoothing.Tsb(history)}, Croston {Smoothing.Croston(history)}");
    }

    [Fact]
    public void Croston_of_a_sale_every_other_day_is_half_the_size_less_its_bias_correction()
    {
        double[] history = [.. Enumerable.Repeat(new double[] { 0, 4 }, 30).SelectMany(x => x)];

        Assert.Equal(0.95 * 4 / 2, Smoothing.Croston(history, alpha: 0.1), 9);
    }

    [Fact]
    public void Exponential_smoothing_of_a_constant_is_the_constant_and_it_follows_a_level_shift()
    {
        Assert.Equal(7, Smoothing.Ses([7, 7, 7, 7, 7, 7, 7]), 12);
        var shifted = Smoothing.Ses([.. Enumerable.Repeat(2.0, 30), .. Enumerable.Repeat(10.0, 30)]);
        Assert.InRange(shifted, 9.5, 10);
    }
}
