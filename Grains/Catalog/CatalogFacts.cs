using System.Collections.Concurrent;

using Tandem.Contracts.Catalog;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Catalog;

/// <summary>
/// The catalog facts an order reads when it is placed (its products' prices, the locations), held once per silo so
/// that a placement does not ask the catalog grain every time. The catalog's version is asked at most once per
/// <see cref="MaxAge"/>; when it has moved, everything held is dropped and read again on demand. So an order sees a
/// product or location at most <see cref="MaxAge"/> after it changed, and a product added since is read at once
/// (a sku not held is always asked for).
/// </summary>
public sealed class CatalogFacts(IGrainFactory grains, TimeProvider time)
{
    /// <summary>How long a checked version is trusted.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<Facts> _facts = Task.FromResult(new Facts(version: -1));
    private long _checkedAt; // a timestamp of the time provider; 0 until the first check
    private Task<Facts>? _checking;
    private long _checks;

    /// <summary>Facts of one catalog version, filled as they are asked for.</summary>
    private sealed class Facts(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<string, Product> Products { get; } = new(StringComparer.Ordinal);

        public IReadOnlyList<Location>? Locations { get; set; }
    }

    /// <summary>Version checks sent to the catalog grain so far.</summary>
    public long Checks => Interlocked.Read(ref _checks);

    /// <summary>
    /// The known products among <paramref name="skus"/> (unknown skus are left out) and every location. A location
    /// the caller names (<paramref name="locationId"/>) that is not held makes the locations be read again.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, Product> Products, IReadOnlyList<Location> Locations)> ReadAsync(
        IReadOnlyList<string> skus, string? locationId = null)
    {
        var facts = await CurrentAsync();
        var missing = skus.Where(s => !facts.Products.ContainsKey(s)).ToList();
        var catalog = grains.Catalog();
        var reading = missing.Count > 0 ? catalog.GetProductsAsync(missing) : null;
        var locating = facts.Locations is not { } held || (locationId is not null && !held.Any(l => l.Id == locationId))
            ? catalog.GetLocationsAsync()
            : null;
        if (reading is not null)
        {
            foreach (var product in await reading)
            {
                facts.Products[product.Sku] = product;
            }
        }

        IReadOnlyList<Location> locations;
        if (locating is null)
        {
            locations = facts.Locations!;
        }
        else
        {
            facts.Locations = locations = await locating;
        }

        var products = new Dictionary<string, Product>(skus.Count, StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            if (facts.Products.TryGetValue(sku, out var product))
            {
                products[sku] = product;
            }
        }

        return (products, locations);
    }

    /// <summary>Every location, read from the catalog now (for a caller that found none of the held ones would do).</summary>
    public async Task<IReadOnlyList<Location>> ReadLocationsAsync()
    {
        var facts = await CurrentAsync();
        return facts.Locations = await grains.Catalog().GetLocationsAsync();
    }

    /// <summary>The facts of the catalog's version, checked within the last <see cref="MaxAge"/>.</summary>
    private Task<Facts> CurrentAsync()
    {
        var checkedAt = Interlocked.Read(ref _checkedAt);
        if (checkedAt != 0 && time.GetElapsedTime(checkedAt) < MaxAge)
        {
            return Volatile.Read(ref _facts);
        }

        lock (_gate)
        {
            // One check at a time for the whole silo, off any grain's scheduler (many grains await it).
            return _checking ??= Task.Run(CheckAsync);
        }
    }

    private async Task<Facts> CheckAsync()
    {
        try
        {
            Interlocked.Increment(ref _checks);
            var version = await grains.Catalog().GetVersionAsync();
            var facts = await Volatile.Read(ref _facts);
            if (facts.Version != version)
            {
                Volatile.Write(ref _facts, Task.FromResult(new Facts(version)));
            }

            Interlocked.Exchange(ref _checkedAt, Math.Max(1, time.GetTimestamp()));
            return await Volatile.Read(ref _facts);
        }
        finally
        {
            lock (_gate)
            {
                _checking = null;
            }
        }
    }
}
