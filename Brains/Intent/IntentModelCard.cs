namespace Tandem.Brains.Intent;

/// <summary>What a trained purchase-intent model is: its version, when and on what it was trained, and how it measured on the sessions held out.</summary>
public sealed record IntentModelCard
{
    /// <summary>When it was trained and a hash of the model: <c>yyyyMMdd-HHmmss-xxxxxxxx</c>, so versions sort by age.</summary>
    public required string Version { get; init; }

    public required string Model { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    /// <summary>Where its sessions came from (the session log's folder).</summary>
    public required string TrainedOn { get; init; }

    public required int Sessions { get; init; }

    public required int Buyers { get; init; }

    /// <summary>The later sessions held out to measure it (it is then trained on all of them).</summary>
    public required int HeldOutSessions { get; init; }

    public required int HeldOutBuyers { get; init; }

    /// <summary>ROC AUC on the held-out sessions.</summary>
    public required double RocAuc { get; init; }

    /// <summary>ROC AUC of the count of views on the same sessions: the baseline it must beat.</summary>
    public required double ViewsRocAuc { get; init; }

    public required IReadOnlyList<string> Features { get; init; }
}
