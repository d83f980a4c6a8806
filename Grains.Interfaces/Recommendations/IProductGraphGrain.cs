namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>
/// One product's part of the product graph (key: the sku): its time-decayed edges to the products viewed around it
/// and bought with it. The graph is partitioned this way, so every product learns and answers on its own.
/// </summary>
public interface IProductGraphGrain : IGrainWithStringKey
{
    /// <summary>Adds a lesson's weights to the product's edges, durably before it answers. Idempotent by lesson id.</summary>
    Task LearnAsync(GraphLesson lesson);

    /// <summary>The product's <paramref name="count"/> strongest neighbours of each relation, strongest first.</summary>
    [ReadOnly]
    Task<ProductNeighbours> GetAsync(int count);
}
