using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Orleans.Serialization;
using Orleans.Storage;

using Tandem.Brains.Recommendations;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// One product's part of the product graph. Lessons arrive from the outboxes of orders (co-purchase, when an order is
/// packed) and sessions (co-view, with each batch of behaviour); each is checked and applied in one synchronous step
/// and answered once durable (<see cref="GroupCommit{TState,TEvent}"/>: lessons arriving during a write share the
/// next one, and a journaling storage writes only the lessons).
/// </summary>
[Reentrant]
public sealed class ProductGraphGrain(
    [PersistentState("graph", StorageNames.Grains)] IPersistentState<ProductGraphState> state,
    DeepCopier<ProductGraphState> copier,
    [FromKeyedServices(StorageNames.Grains)] IGrainStorage storage,
    ILogger<ProductGraphGrain> logger) : Grain, IProductGraphGrain
{
    /// <summary>The most edges one lesson may carry.</summary>
    public const int MaxEdgesPerLesson = 1000;

    private GroupCommit<ProductGraphState, GraphLesson>? _commit;

    private ProductGraphState S => _commit!.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commit = new GroupCommit<ProductGraphState, GraphLesson>(state, storage is ICapturesStateOnWrite ? null : copier, this, _ => Task.CompletedTask, logger);
        await _commit.Durable();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _commit!.Drain();

    public Task LearnAsync(GraphLesson lesson)
    {
        _commit!.ThrowIfFailed();
        Check(lesson);
        return S.Apply(lesson) ? _commit.Changed(default) : _commit.Durable();
    }

    public async Task<ProductNeighbours> GetAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 0);
        _commit!.ThrowIfFailed();
        await _commit.Durable();
        var now = DateTimeOffset.UnixEpoch; // only ratios are read; the epoch given matters only to an empty set
        return new ProductNeighbours
        {
            Sku = this.GetPrimaryKeyString(),
            CoView = Strongest(S.Edges(GraphRelation.CoView, now), count),
            CoPurchase = Strongest(S.Edges(GraphRelation.CoPurchase, now), count),
            Lessons = S.Lessons,
        };
    }

    private static List<GraphEdge> Strongest(Adjacency edges, int count) =>
        [.. Ranking.Best(edges.Shares(), count).Select(p => new GraphEdge(p.Key, p.Value))];

    private void Check(GraphLesson lesson)
    {
        var sku = this.GetPrimaryKeyString();
        if (string.IsNullOrWhiteSpace(lesson.Id) || lesson.Edges.Count > MaxEdgesPerLesson
            || lesson.Edges.Any(e => string.IsNullOrWhiteSpace(e.To) || e.To == sku || !double.IsFinite(e.Weight) || e.Weight < 0)
            || !Enum.IsDefined(lesson.Relation))
        {
            throw new ArgumentException($"Lesson {lesson.Id} for {sku} is malformed: an id, at most {MaxEdgesPerLesson} edges to other products, finite weights of 0 or more.", nameof(lesson));
        }
    }
}
