using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// The product graph's answers a recommender read lately, kept for <see cref="FreshFor"/>: a session's burst of events
/// asks for the same few products again and again, and a product's neighbours move slowly.
/// </summary>
internal sealed class NeighbourCache(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    /// <summary>How many neighbours of each relation are read per product.</summary>
    public const int Width = 50;

    private const int MaxProducts = 5000;

    private readonly Dictionary<string, (ProductNeighbours Neighbours, DateTimeOffset Read)> _held = new(StringComparer.Ordinal);

    /// <summary>The neighbours of each of <paramref name="skus"/>, from memory when fresh, else from the graph (all at once).</summary>
    public async Task<IReadOnlyDictionary<string, ProductNeighbours>> GetAsync(IEnumerable<string> skus)
    {
        var now = clock.GetUtcNow();
        var wanted = skus.Distinct(StringComparer.Ordinal).ToList();
        var stale = wanted.Where(s => !_held.TryGetValue(s, out var held) || now - held.Read > FreshFor).ToList();
        var read = await Task.WhenAll(stale.Select(s => grains.ProductGraph(s).GetAsync(Width)));
        if (_held.Count + read.Length > MaxProducts)
        {
            _held.Clear();
        }

        foreach (var neighbours in read)
        {
            _held[neighbours.Sku] = (neighbours, now);
        }

        return wanted.ToDictionary(s => s, s => _held.TryGetValue(s, out var held) ? held.Neighbours : read.First(r => r.Sku == s), StringComparer.Ordinal);
    }
}
