using System.Globalization;
using System.Text.Json;

using Tandem.Contracts.Experiments;

namespace Tandem.Simulator.City;

/// <summary>
/// An A/A experiment run through the public API while the city lives: an operator defines and starts it (the shop's own
/// picks in both variants, every session, half each), the city's sessions meet it as the recommender makes their picks,
/// and at the end its results are read, printed as a table and one JSON line, and the experiment is stopped. Nothing
/// differs between the variants, so a sample-ratio mismatch or a significant difference would be a defect (or, for the
/// difference, the 5 % the test allows).
/// </summary>
public sealed class CityExperiment(TandemClient ops, TextWriter log)
{
    public string Id { get; } = "city-aa-" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (created, _) = await ops.PostAsync("/api/experiments", new
        {
            id = Id,
            name = "A/A in the living city",
            hypothesis = "The same picks in both variants: no difference, no sample-ratio mismatch",
            variants = new[] { new { name = "a", settings = new { recommendationStrategy = "bandit" } }, new { name = "b", settings = new { recommendationStrategy = "bandit" } } },
        }, cancellationToken);
        var (started, _) = await ops.PostAsync($"/api/experiments/{Id}/start", new { }, cancellationToken);
        if (created != 201 || started != 200)
        {
            throw new InvalidOperationException($"The A/A experiment could not start: define {created}, start {started}.");
        }

        await log.WriteLineAsync($"A/A experiment {Id} started.");
    }

    /// <summary>Units exposed per variant so far, for the periodic line.</summary>
    public async Task<string> ProgressAsync(CancellationToken cancellationToken)
    {
        var detail = await ops.GetAsync<ExperimentDetail>($"/api/experiments/{Id}", cancellationToken);
        return detail?.Results is { } r ? $"A/A {string.Join(" · ", r.Variants.Select(v => $"{v.Name} {v.Exposed} exposed, {v.Converted} converted"))}" : "A/A –";
    }

    /// <summary>Reads the results, stops the experiment and prints the table and the JSON line.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        var detail = (await ops.GetAsync<ExperimentDetail>($"/api/experiments/{Id}", cancellationToken))!;
        await ops.PostAsync($"/api/experiments/{Id}/stop", new { }, cancellationToken);
        var results = detail.Results!;
        await log.WriteLineAsync($"A/A experiment {Id}: {results.Test}");
        await log.WriteLineAsync("variant  exposed  converted  conversion  revenue/unit");
        foreach (var v in results.Variants)
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{v.Name,-8} {v.Exposed,7} {v.Converted,10} {v.ConversionRate,10:P2} {v.RevenuePerUnit,13:F2}"));
        }

        var b = results.Variants[1];
        var c = b.Conversion!;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"b − a conversion {c.Difference * 100:+0.00;-0.00} points (95 % CI {c.Low * 100:+0.00;-0.00} to {c.High * 100:+0.00;-0.00}, p {c.PValue:0.000}, {(c.Significant ? "significant" : "not significant")}); sample ratio χ² {results.SampleRatio.ChiSquare:0.00}, p {results.SampleRatio.PValue:0.000}, {(results.SampleRatio.Mismatch ? "MISMATCH" : "no mismatch")}"));
        await log.WriteLineAsync(JsonSerializer.Serialize(new
        {
            experiment = Id,
            exposed = results.Variants.Select(v => v.Exposed),
            converted = results.Variants.Select(v => v.Converted),
            conversionDifference = c.Difference,
            low = c.Low,
            high = c.High,
            pValue = c.PValue,
            significant = c.Significant,
            sampleRatioP = results.SampleRatio.PValue,
            mismatch = results.SampleRatio.Mismatch,
        }, TandemClient.Json));
    }
}
