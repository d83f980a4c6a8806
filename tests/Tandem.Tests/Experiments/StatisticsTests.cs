using MathNet.Numerics.Distributions;

using Tandem.Brains.Experiments;

namespace Tandem.Tests.Experiments;

public sealed class StatisticsTests
{
    [Fact]
    public void The_sample_ratio_check_is_Pearsons_chi_square_and_flags_a_skew_of_700_in_100000()
    {
        var even = SampleRatio.Check([60, 40], [1, 1]);
        var skewed = SampleRatio.Check([50_700, 49_300], [1, 1]);
        var fine = SampleRatio.Check([50_100, 49_900], [1, 1]);

        Assert.Equal((4.0, 1), (even.ChiSquare, even.DegreesOfFreedom)); // (10² / 50) × 2
        Assert.Equal(0.0455, even.PValue, 4);
        Assert.False(even.Mismatch);
        Assert.Equal(19.6, skewed.ChiSquare, 9);
        Assert.True(skewed.Mismatch);
        Assert.False(fine.Mismatch);
        Assert.Throws<ArgumentException>(() => SampleRatio.Check([1], [1]));
    }

    [Fact]
    public void Two_conversion_rates_compare_with_a_wald_interval_and_a_pooled_z_test()
    {
        var test = ProportionTest.Compare(200, 1000, 250, 1000);

        Assert.Equal((0.2, 0.25, 0.05), (test.ControlRate, test.TreatmentRate, Math.Round(test.Difference, 12)));
        Assert.Equal(0.01346, test.Low, 5); // 0.05 ∓ 1.95996 × √(0.2·0.8/1000 + 0.25·0.75/1000)
        Assert.Equal(0.08654, test.High, 5);
        Assert.Equal(2.6774, test.Z, 4); // 0.05 / √(0.225·0.775·2/1000)
        Assert.Equal(0.0074, test.PValue, 4);
        Assert.Equal(3841, ProportionTest.SampleSizePerArm(0.10, 0.02));
    }

    [Fact]
    public void At_the_planned_size_an_AA_test_errs_about_5_percent_of_the_time_and_an_injected_effect_is_found_about_80()
    {
        // Seeded simulations of whole experiments: 2,000 A/A tests at 10 % in both arms, 1,000 A/B tests of 10 % → 12 %,
        // each read once at the planned 3,841 units per arm.
        var random = new Random(17);
        var n = (int)ProportionTest.SampleSizePerArm(0.10, 0.02);
        var falseAlarms = Enumerable.Range(0, 2000).Count(_ => ProportionTest.Compare(Binomial.Sample(random, 0.10, n), n, Binomial.Sample(random, 0.10, n), n).PValue < 0.05);
        var found = Enumerable.Range(0, 1000).Count(_ => ProportionTest.Compare(Binomial.Sample(random, 0.10, n), n, Binomial.Sample(random, 0.12, n), n).PValue < 0.05);

        TestContext.Current.TestOutputHelper?.WriteLine($"{n} units per arm: A/A significant in {falseAlarms} of 2000, A/B in {found} of 1000");
        Assert.InRange(falseAlarms / 2000.0, 0.04, 0.06);
        Assert.InRange(found / 1000.0, 0.76, 0.84);
    }

    [Fact]
    public void Two_means_compare_with_a_welch_interval_from_counts_sums_and_squares()
    {
        var control = Moments.Of([0, 0, 10, 20]); // mean 7.5, variance 275 / 3
        var treatment = Moments.Of([0, 10, 10, 20]); // mean 10, variance 200 / 3
        var test = MeanTest.Compare(control, treatment);

        Assert.Equal((4, 30.0, 500.0), (control.Count, control.Sum, control.SumOfSquares));
        Assert.Equal(275.0 / 3, control.Variance, 12);
        Assert.Equal(2.5, test.Difference, 12);
        Assert.Equal(-9.8312, test.Low, 4); // 2.5 ∓ 1.95996 × √(275/12 + 200/12)
        Assert.Equal(14.8312, test.High, 4);
        Assert.Equal(0.3974, test.Z, 4);
        Assert.Equal(0.6911, test.PValue, 4);
        Assert.Throws<ArgumentException>(() => MeanTest.Compare(Moments.Of([1]), treatment));
    }

    [Fact]
    public void A_share_assigned_by_units_compares_with_the_units_spread_by_the_delta_method_and_welchs_t()
    {
        var control = ClusterMoments.Of([(10, 8), (10, 6), (20, 18)]); // 32 of 40: residuals 0, −2, +2
        var treatment = ClusterMoments.Of([(10, 5), (10, 7), (20, 12)]); // 24 of 40: residuals −1, +1, 0
        var test = ClusteredRatioTest.Compare(control, treatment);

        Assert.Equal((3L, 40.0, 32.0, 600.0, 424.0, 500.0), (control.Units, control.Events, control.Successes, control.EventSquares, control.SuccessSquares, control.Products));
        Assert.Equal(0.0075, control.ShareVariance, 12); // 3/2 × 8 / 40²
        Assert.Equal(0.001875, treatment.ShareVariance, 12); // 3/2 × 2 / 40²
        Assert.Equal((0.8, 0.6), (test.ControlShare, Math.Round(test.TreatmentShare, 12)));
        Assert.Equal(-0.2, test.Difference, 12);
        Assert.Equal(2.941176, test.DegreesOfFreedom, 6); // Welch: 0.009375² / (0.0075² / 2 + 0.001875² / 2)
        Assert.Equal(-2.065591, test.T, 6); // −0.2 / √0.009375
        Assert.Equal(-0.511655, test.Low, 6); // −0.2 ∓ t(0.975; 2.94) 3.218759 × 0.096825
        Assert.Equal(0.111655, test.High, 6);
        Assert.Equal(0.132611, test.PValue, 6);
        Assert.Throws<ArgumentException>(() => ClusteredRatioTest.Compare(ClusterMoments.Of([(10, 8)]), treatment));
        var allOnTime = ClusteredRatioTest.Compare(ClusterMoments.Of([(5, 5), (5, 5)]), ClusterMoments.Of([(4, 4), (6, 6)])); // no spread at all
        Assert.Equal((0.0, 0.0, 0.0, 1.0), (allOnTime.Difference, allOnTime.Low, allOnTime.High, allOnTime.PValue));
    }

    [Fact]
    public void When_units_differ_from_each_other_the_clustered_test_keeps_its_5_percent_and_counting_events_alone_does_not()
    {
        // 2,000 seeded A/A tests: 20 zones per arm, each with its own on-time share (Beta(16, 4): 80 % on average, zones
        // apart by ±9 points) and 20–80 deliveries. Deliveries of a zone share its fate: a test treating them as
        // independent events is far too sure of itself.
        var random = new Random(23);
        (double Events, double Successes) Zone()
        {
            var deliveries = random.Next(20, 81);
            return (deliveries, Binomial.Sample(random, Beta.Sample(random, 16, 4), deliveries));
        }

        var (clustered, naive) = (0, 0);
        for (var i = 0; i < 2000; i++)
        {
            var (control, treatment) = (Enumerable.Range(0, 20).Select(_ => Zone()).ToList(), Enumerable.Range(0, 20).Select(_ => Zone()).ToList());
            clustered += ClusteredRatioTest.Compare(ClusterMoments.Of(control), ClusterMoments.Of(treatment)).PValue < 0.05 ? 1 : 0;
            naive += ProportionTest.Compare((long)control.Sum(z => z.Successes), (long)control.Sum(z => z.Events), (long)treatment.Sum(z => z.Successes), (long)treatment.Sum(z => z.Events)).PValue < 0.05 ? 1 : 0;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"A/A significant: clustered {clustered} of 2000, events as independent {naive} of 2000");
        Assert.InRange(clustered / 2000.0, 0.035, 0.065);
        Assert.InRange(naive / 2000.0, 0.2, 1);
    }

    [Fact]
    public void Wilsons_interval_stays_inside_0_and_1_and_matches_the_published_form()
    {
        var (low, high) = WilsonInterval.Of(6, 100);
        var (none, few) = WilsonInterval.Of(0, 10);

        Assert.Equal((0.0278, 0.1248), (Math.Round(low, 4), Math.Round(high, 4)));
        Assert.Equal((0.0, 0.2775), (Math.Round(none, 4), Math.Round(few, 4))); // the Wald interval would be [0, 0]
        Assert.True(double.IsNaN(WilsonInterval.Of(0, 0).Low));
    }
}
