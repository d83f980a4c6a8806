namespace Tandem.Grains.Recommendations;

/// <summary>A strategy's stored record in a segment (see <see cref="Brains.Recommendations.ArmPosterior"/>).</summary>
[GenerateSerializer, Alias("tandem.arm-record")]
public sealed class ArmRecord
{
    [Id(0)] public double Clicks { get; set; }

    [Id(1)] public double Misses { get; set; }

    [Id(2)] public DateTimeOffset At { get; set; }
}
