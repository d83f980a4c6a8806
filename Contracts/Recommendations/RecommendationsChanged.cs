using Tandem.Contracts.Sessions;

namespace Tandem.Contracts.Recommendations;

/// <summary>A session's picks changed. Published on the stream namespace <see cref="StreamNamespace"/>, partitioned by session id.</summary>
[GenerateSerializer, Immutable, Alias("tandem.recommendations-changed")]
public sealed record RecommendationsChanged
{
    /// <summary>The stream namespace these events travel on.</summary>
    public const string StreamNamespace = "tandem.recommendations";

    [Id(0)] public required string SessionId { get; init; }

    [Id(1)] public required IReadOnlyList<Recommendation> Items { get; init; }

    /// <summary>The session version the picks were computed from; a client keeps the highest.</summary>
    [Id(2)] public required long Version { get; init; }

    [Id(3)] public required DateTimeOffset At { get; init; }

    /// <summary>Each strategy's weight when the picks were made: its posterior mean click rate in the session's segment.</summary>
    [Id(4)] public IReadOnlyDictionary<string, double> ArmWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>How the list was filled, e.g. <c>Thompson sampling per slot</c>.</summary>
    [Id(5)] public string Policy { get; init; } = "";

    /// <summary>The bandit segment the session was in: <c>browse</c> (empty cart) or <c>cart</c>.</summary>
    [Id(6)] public string Segment { get; init; } = "";

    /// <summary>Each strategy's record in that segment when the picks were made.</summary>
    [Id(7)] public IReadOnlyList<ArmStats> Arms { get; init; } = [];

    /// <summary>The session's purchase intent the picks were made with (its model's version included); null before any behaviour.</summary>
    [Id(8)] public PurchaseIntent? Intent { get; init; }

    /// <summary>The experiments' variants the list was made under ("experiment:variant"); empty when made the product's way.</summary>
    [Id(9)] public IReadOnlyList<string> Experiments { get; init; } = [];
}
