namespace Tandem.Contracts.Lineage;

// HTTP contract v1: GET /api/lineage/{id}.

/// <summary>
/// A decision or an event as lineage shows it: what it is (<see cref="Kind"/>, its id <c>{kind}:{key}</c>), what was decided
/// and with which model and version, the figures it was decided on, and what it was made from (<see cref="Inputs"/>).
/// </summary>
public sealed record LineageNode
{
    public required string Id { get; init; }

    /// <summary>
    /// Decisions: <c>picks</c> (a session's recommendation list), <c>forecast</c>, <c>suggestion</c>, <c>slow-mover</c>,
    /// <c>promotion</c>, <c>dispatch</c>, <c>packing</c>, <c>return-grade</c>; what they come from: <c>demand</c>, <c>order</c>,
    /// <c>session</c>, <c>courier</c>, <c>experiment</c>, <c>run</c> (a batch job's run).
    /// </summary>
    public required string Kind { get; init; }

    /// <summary>What it is or decided, in words.</summary>
    public required string Summary { get; init; }

    public DateTimeOffset? At { get; init; }

    /// <summary>The model or rule that decided (e.g. <c>lightgbm …</c>, <c>least-cost window</c>), if a decision.</summary>
    public string? Model { get; init; }

    /// <summary>The version or variant it decided under (a model's training, an experiment's <c>experiment:variant</c>).</summary>
    public string? Version { get; init; }

    /// <summary>The figures it was decided on or holds, by name.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    /// <summary>What it was made from, newest first; each an id this API resolves.</summary>
    public IReadOnlyList<LineageInput> Inputs { get; init; } = [];

    /// <summary>Inputs of the same kind left out of <see cref="Inputs"/> (e.g. older orders of a sales history).</summary>
    public int MoreInputs { get; init; }
}

/// <summary>An input of a node: its id and what it was to the node (<c>sales history</c>, <c>placed in</c> …).</summary>
public sealed record LineageInput(string Id, string Role);

/// <summary>A decision walked back to the events that caused it: its node first, then each input's, breadth first.</summary>
public sealed record LineageGraph
{
    public required string Root { get; init; }

    public required IReadOnlyList<LineageNode> Nodes { get; init; }

    /// <summary>Inputs named by a node that no longer exist or could not be read (ids), so the walk stopped there.</summary>
    public IReadOnlyList<string> Unresolved { get; init; } = [];

    /// <summary>The walk stopped at its depth or size limit before every input was read.</summary>
    public bool Truncated { get; init; }
}
