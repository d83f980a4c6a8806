using Tandem.Grains.Interfaces.Experiments;

namespace Tandem.Grains.Sessions;

/// <summary>An exposure or conversion the session owes an experiment's tally (an outbox entry), kept until the tally acknowledges it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.pending-tally")]
public sealed record PendingTally([property: Id(0)] string ExperimentId, [property: Id(1)] TallyEntry Entry);
