namespace Tandem.Grains.Recommendations;

/// <summary>One relation's edges of a product as stored: weights relative to <see cref="Epoch"/> (see <see cref="Brains.Recommendations.Adjacency"/>).</summary>
[GenerateSerializer, Alias("tandem.edge-set-state")]
public sealed class EdgeSetState
{
    [Id(0)] public Dictionary<string, double> Weights { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every weight ever added, trimmed edges included.</summary>
    [Id(1)] public double Total { get; set; }

    /// <summary>What the weights are relative to; null until the first edge.</summary>
    [Id(2)] public DateTimeOffset? Epoch { get; set; }
}
