using System.Text.Json.Serialization;

namespace Tandem.Contracts.Lineage;

// HTTP contract v1: GET /api/lineage/runs. The shape of an OpenLineage 2-0-2 RunEvent.

/// <summary>A batch job's run starting or completing (OpenLineage <c>RunEvent</c>): the job, the run, what it read and wrote.</summary>
public sealed record OpenLineageRunEvent
{
    public const string SchemaUrlOfSpec = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

    /// <summary><c>START</c> or <c>COMPLETE</c> (a failed run: <c>FAIL</c>).</summary>
    public required string EventType { get; init; }

    public required DateTimeOffset EventTime { get; init; }

    public required OpenLineageRun Run { get; init; }

    public required OpenLineageJob Job { get; init; }

    public IReadOnlyList<OpenLineageDataset> Inputs { get; init; } = [];

    public IReadOnlyList<OpenLineageDataset> Outputs { get; init; } = [];

    /// <summary>What produced the event (a URI).</summary>
    public required string Producer { get; init; }

    [JsonPropertyName("schemaURL")]
    public string SchemaUrl { get; init; } = SchemaUrlOfSpec;
}

/// <summary>A run: its UUID and what it ran with (<c>tandem_run</c>: the model, cells, whether it retrained, seconds).</summary>
public sealed record OpenLineageRun(string RunId, IReadOnlyDictionary<string, TandemRunFacet> Facets);

/// <summary>A job: its namespace (<c>tandem</c>) and name (<c>forecast-round</c>).</summary>
public sealed record OpenLineageJob(string Namespace, string Name);

/// <summary>A data set a run read or wrote, by namespace and name (e.g. <c>tandem</c>, <c>demand</c>).</summary>
public sealed record OpenLineageDataset(string Namespace, string Name);

/// <summary>A run facet of Tandem's own: what the run ran with.</summary>
public sealed record TandemRunFacet
{
    [JsonPropertyName("_producer")]
    public required string Producer { get; init; }

    [JsonPropertyName("_schemaURL")]
    public string SchemaUrl { get; init; } = "urn:tandem:facets:run:1";

    public required string Model { get; init; }

    public int Cells { get; init; }

    public bool Retrained { get; init; }

    public double Seconds { get; init; }
}
