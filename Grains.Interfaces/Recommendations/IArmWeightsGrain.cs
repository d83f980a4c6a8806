using Tandem.Contracts.Recommendations;

namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>
/// The bandit's record of one segment of shoppers (key: <c>browse</c> or <c>cart</c>): per strategy, the clicks and
/// ignored impressions its picks earned, fading with a half-life. Every change goes out on the
/// <see cref="ArmWeightsChanged.StreamNamespace"/> stream, so recommenders re-weigh at once.
/// </summary>
public interface IArmWeightsGrain : IGrainWithStringKey
{
    /// <summary>Credits a strategy with a click or a miss, durably before it answers. Idempotent by reward id.</summary>
    Task RewardAsync(ArmReward reward);

    /// <summary>Every strategy's record as of now.</summary>
    [ReadOnly]
    Task<ArmWeightsChanged> GetAsync();
}
