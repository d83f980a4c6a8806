using Tandem.Brains.Intent;

namespace Tandem.Tests.Recommendations;

public sealed class GruClassifierTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Back_propagation_through_time_matches_finite_differences_for_every_parameter(bool label)
    {
        var network = new GruClassifier(inputs: 3, hidden: 4, seed: 5);
        var random = new Random(9);
        var sequence = Enumerable.Range(0, 6).Select(_ => new[] { random.NextDouble(), random.NextDouble() - 0.5, random.NextDouble() * 2 }).ToList();
        var analytic = new double[network.ParameterCount];
        network.Gradient(sequence, label, positiveWeight: 3, analytic);

        const double h = 1e-6;
        for (var i = 0; i < network.ParameterCount; i++)
        {
            var kept = network.Parameters[i];
            network.Parameters[i] = kept + h;
            var up = network.Gradient(sequence, label, 3, new double[network.ParameterCount]);
            network.Parameters[i] = kept - h;
            var down = network.Gradient(sequence, label, 3, new double[network.ParameterCount]);
            network.Parameters[i] = kept;
            var numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-7 + (1e-5 * Math.Abs(numeric)), $"parameter {i}: analytic {analytic[i]}, numeric {numeric}");
        }
    }

    [Fact]
    public void It_learns_a_rule_that_needs_the_order_of_the_sequence()
    {
        // Positive when the first step carries a 1, whatever follows: only memory of the sequence can tell.
        var random = new Random(3);
        var data = Enumerable.Range(0, 200).Select(i =>
        {
            var positive = i % 2 == 0;
            var steps = new List<double[]> { new[] { positive ? 1.0 : 0.0, 1 } };
            steps.AddRange(Enumerable.Range(0, 4).Select(_ => new[] { 0.0, random.NextDouble() }));
            return (Steps: steps, Positive: positive);
        }).ToList();
        var network = new GruClassifier(inputs: 2, hidden: 6, seed: 1);

        for (var epoch = 0; epoch < 60; epoch++)
        {
            var gradient = new double[network.ParameterCount];
            foreach (var (steps, positive) in data)
            {
                network.Gradient(steps, positive, 1, gradient);
            }

            network.Apply([.. gradient.Select(g => g / data.Count)], rate: 0.05);
        }

        Assert.All(data, d => Assert.Equal(d.Positive, network.Predict(d.Steps) > 0.5));
    }
}
