using Tandem.Brains.Recommendations;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// What a product's part of the graph persists: its co-view and co-purchase edges and the lessons it learnt lately
/// (for idempotency). Every change is a <see cref="GraphLesson"/> applied by <see cref="JournaledState{TChange}.Apply"/>, which also records it,
/// so a storage that keeps changes writes only the lessons (<see cref="IJournaledState"/>).
/// </summary>
[GenerateSerializer, Alias("tandem.product-graph-state")]
public sealed class ProductGraphState : JournaledState<GraphLesson>
{
    public const int CurrentSchema = 1;

    /// <summary>How many lesson ids are remembered for idempotency (the latest).</summary>
    public const int RememberedLessons = 1000;

    /// <summary>Views are many and fast-moving: their evidence halves in two weeks.</summary>
    public static GraphOptions CoViewOptions { get; } = new();

    /// <summary>Purchases are sparser: their evidence halves in 90 days.</summary>
    public static GraphOptions CoPurchaseOptions { get; } = GraphOptions.Purchases;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    [Id(1)] public EdgeSetState CoView { get; set; } = new();

    [Id(2)] public EdgeSetState CoPurchase { get; set; } = new();

    /// <summary>The latest lessons learnt, with when they happened.</summary>
    [Id(3)] public Dictionary<string, DateTimeOffset> Learnt { get; set; } = new(StringComparer.Ordinal);

    [Id(4)] public long Lessons { get; set; }

    /// <summary>The relation's edges as a view over this state's data: what is added through it changes the weights here (copy back its total and epoch).</summary>
    public Adjacency Edges(GraphRelation relation, DateTimeOffset now)
    {
        var (set, options) = Set(relation);
        return new Adjacency(options.HalfLife, options.MaxNeighbours, set.Epoch ?? now, set.Total, set.Weights);
    }

    /// <summary>Learns <paramref name="lesson"/> unless it was learnt already.</summary>
    protected override bool Evolve(GraphLesson lesson)
    {
        if (Learnt.ContainsKey(lesson.Id))
        {
            return false;
        }

        var (set, _) = Set(lesson.Relation);
        var edges = Edges(lesson.Relation, lesson.At);
        edges.AddMany(lesson.Edges.Select(e => new KeyValuePair<string, double>(e.To, e.Weight)), lesson.At);
        (set.Total, set.Epoch) = (edges.Total, edges.Epoch);
        Learnt[lesson.Id] = lesson.At;
        Learnt.TrimTo(RememberedLessons, at => at);
        Lessons++;
        return true;
    }

    private (EdgeSetState Set, GraphOptions Options) Set(GraphRelation relation) => relation switch
    {
        GraphRelation.CoView => (CoView, CoViewOptions),
        GraphRelation.CoPurchase => (CoPurchase, CoPurchaseOptions),
        _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, "Unknown relation."),
    };
}
