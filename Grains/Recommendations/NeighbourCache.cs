using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// The product graph's answers a recommender read lately, kept for <see cref="FreshFor"/>: a session's burst of events
/// asks for the same few products again and again, and a product's neighbours move slowly. At most
/// <c>maxProducts</c> are held: past it the memory starts over.
/// </summary>
public sealed class NeighbourCache(IGrainFactory grains, TimeProvider clock, int maxProducts = 5000)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    /// <summary>How many neighbours of each relation are read per product.</summary>
    public const int Width = 50;

    private readonly Dictionary<string, (ProductNeighbours Neighbours, DateTimeOffset Read)> _held = new(StringComparer.Ordinal);

    /// <summary>The neighbours of each of <paramref name="skus"/>, from memory when fresh, else from the graph (all at once).</summary>
    public async Task<IReadOnlyDictionary<string, ProductNeighbours>> GetAsync(IEnumerable<string> skus)
    {
        var now = clock.GetUtcNow();
        var wanted = skus.Distinct(StringComparer.Ordinal).ToList();
        var stale = wanted.Where(s => !_held.TryGetValue(s, out var held) || now - held.Read > FreshFor).ToList();
        var read = await Task.WhenAll(stale.Select(s => grains.ProductGraph(s).GetAsync(Width)));
        var answer = read.ToDictionary(n => n.Sku, StringComparer.Ordinal);
        foreach (var sku in wanted.Where(s => !answer.ContainsKey(s)))
        {
            answer[sku] = _held[sku].Neighbours;
        }

        if (_held.Count + read.Length > maxProducts)
        {
            _held.Clear(); // room for what was read; the answer is already made
        }

        foreach (var neighbours in read)
        {
            _held[neighbours.Sku] = (neighbours, now);
        }

        return answer;
    }
}
