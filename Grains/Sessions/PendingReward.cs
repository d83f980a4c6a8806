using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Sessions;

/// <summary>A reward the session owes a segment's bandit record (an outbox entry), kept until that record acknowledges it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.pending-reward")]
public sealed record PendingReward([property: Id(0)] string Segment, [property: Id(1)] ArmReward Reward);
