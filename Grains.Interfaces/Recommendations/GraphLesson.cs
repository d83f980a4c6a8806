namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>
/// What one product's graph learns from one event of the world (a batch of a session's views, a committed order):
/// weights to add to its edges of one relation, as of <see cref="At"/>. <see cref="Id"/> names the event, so a
/// lesson told twice is learnt once.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.graph-lesson")]
public sealed record GraphLesson
{
    /// <summary>E.g. <c>order:o-123</c> or <c>session:s-9:41</c> (the session's event count before the batch).</summary>
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required GraphRelation Relation { get; init; }

    [Id(2)] public required IReadOnlyList<GraphEdge> Edges { get; init; }

    [Id(3)] public required DateTimeOffset At { get; init; }
}

/// <summary>Weight to add to the edge towards <see cref="To"/>.</summary>
[GenerateSerializer, Immutable, Alias("tandem.graph-edge")]
public sealed record GraphEdge([property: Id(0)] string To, [property: Id(1)] double Weight);
