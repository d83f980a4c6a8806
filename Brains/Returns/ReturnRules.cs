namespace Tandem.Brains.Returns;

/// <summary>The shop's return policy: how long after receipt each category may be returned, and which only sealed.</summary>
public sealed record ReturnRules
{
    /// <summary>Days after delivery or collection a category may be returned, where it differs from <see cref="DefaultWindowDays"/>.</summary>
    public IReadOnlyDictionary<string, int> WindowDays { get; init; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    public int DefaultWindowDays { get; init; } = 30;

    /// <summary>Categories returned only unopened unless faulty (hygiene, food).</summary>
    public IReadOnlySet<string> SealedCategories { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public int WindowOf(string category) => WindowDays.TryGetValue(category, out var days) ? days : DefaultWindowDays;
}
