namespace Tandem.Brains.Recommendations;

/// <summary>
/// What a strategy's record says of its click rate: clicks and ignored impressions, each fading with a half-life (so
/// the weights follow what shoppers do now), over a uniform Beta(1, 1) prior: the posterior is Beta(1 + clicks, 1 + misses).
/// </summary>
public readonly record struct ArmPosterior(double Clicks, double Misses, DateTimeOffset At)
{
    public double Alpha => 1 + Clicks;

    public double Beta => 1 + Misses;

    /// <summary>The posterior mean click rate.</summary>
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>The record as seen at <paramref name="now"/>: every count halved once per <paramref name="halfLife"/> since <see cref="At"/>.</summary>
    public ArmPosterior FadedTo(DateTimeOffset now, TimeSpan halfLife)
    {
        if (now <= At)
        {
            return this;
        }

        var keep = Math.Pow(0.5, (now - At) / halfLife);
        return new ArmPosterior(Clicks * keep, Misses * keep, now);
    }

    /// <summary>The record after <paramref name="clicks"/> clicks and <paramref name="misses"/> ignored impressions at <paramref name="now"/>.</summary>
    public ArmPosterior With(double clicks, double misses, DateTimeOffset now, TimeSpan halfLife)
    {
        var faded = FadedTo(now, halfLife);
        return new ArmPosterior(faded.Clicks + clicks, faded.Misses + misses, now > At ? now : At);
    }
}
