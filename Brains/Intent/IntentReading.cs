namespace Tandem.Brains.Intent;

/// <summary>
/// A session's purchase intent as a model reads it: for the whole session, and for each product and category the
/// session engaged with lately (the model scoring only the events on that product or in that category).
/// </summary>
public sealed record IntentReading(double Session, IReadOnlyList<KeyValuePair<string, double>> Products, IReadOnlyList<KeyValuePair<string, double>> Categories)
{
    /// <summary>How many products are read: those with the most recent events.</summary>
    public const int MaxProducts = 5;

    /// <summary>How many categories are read: those with the most events.</summary>
    public const int MaxCategories = 3;

    public static IntentReading Of(IIntentModel model, IReadOnlyList<IntentEvent> events, bool signedIn)
    {
        var products = events.Where(e => e.Item is not null)
            .GroupBy(e => e.Item!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(e => e.At)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxProducts)
            .Select(g => Score(model, g.Key, [.. g], signedIn))
            .ToList();
        var categories = events.Where(e => e.Category is not null)
            .GroupBy(e => e.Category!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxCategories)
            .Select(g => Score(model, g.Key, [.. g], signedIn))
            .ToList();
        return new IntentReading(model.Score(new IntentSession("", signedIn, events, Bought: false)), products, categories);
    }

    private static KeyValuePair<string, double> Score(IIntentModel model, string key, IReadOnlyList<IntentEvent> events, bool signedIn) =>
        new(key, model.Score(new IntentSession(key, signedIn, events, Bought: false)));
}
