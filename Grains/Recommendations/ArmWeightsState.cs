using Tandem.Brains.Recommendations;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// What a segment's bandit record persists: each strategy's fading clicks and misses, and the rewards credited lately
/// (for idempotency). Every change is an <see cref="ArmReward"/> applied by <see cref="JournaledState{TChange}.Apply"/>, which records it, so a
/// journaling storage writes only the rewards (<see cref="IJournaledState"/>).
/// </summary>
[GenerateSerializer, Alias("tandem.arm-weights-state")]
public sealed class ArmWeightsState : JournaledState<ArmReward>
{
    /// <summary>A click or a miss counts half as much after a day: the weights follow what shoppers do now.</summary>
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(1);

    public const int RememberedRewards = 5000;

    [Id(0)] public Dictionary<string, ArmRecord> Arms { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<string, DateTimeOffset> Credited { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public long Version { get; set; }

    /// <summary>Each strategy's posterior as of <paramref name="now"/>.</summary>
    public Dictionary<string, ArmPosterior> Posteriors(DateTimeOffset now) =>
        Arms.ToDictionary(p => p.Key, p => new ArmPosterior(p.Value.Clicks, p.Value.Misses, p.Value.At).FadedTo(now, HalfLife), StringComparer.Ordinal);

    /// <summary>Credits <paramref name="reward"/> unless it was already.</summary>
    protected override bool Evolve(ArmReward reward)
    {
        if (Credited.ContainsKey(reward.Id))
        {
            return false;
        }

        var record = Arms.TryGetValue(reward.Arm, out var known) ? known : Arms[reward.Arm] = new ArmRecord { At = reward.At };
        var after = new ArmPosterior(record.Clicks, record.Misses, record.At).With(reward.Clicked ? 1 : 0, reward.Clicked ? 0 : 1, reward.At, HalfLife);
        (record.Clicks, record.Misses, record.At) = (after.Clicks, after.Misses, after.At);
        Credited[reward.Id] = reward.At;
        Credited.TrimTo(RememberedRewards, at => at);
        Version++;
        return true;
    }
}
