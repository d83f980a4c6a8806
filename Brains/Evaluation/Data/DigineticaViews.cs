using System.Globalization;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>
/// Reads DIGINETICA (CIKM Cup 2016) product views, purchases and categories (semicolon-separated with headers):
/// <c>item-views.csv</c> (<c>session_id;user_id;item_id;timeframe;eventdate</c>, timeframe = ms since the session
/// began), <c>purchases.csv</c> (<c>sessionId;…;itemId</c>) and <c>product-categories.csv</c> (<c>itemId;categoryId</c>).
/// </summary>
public sealed class DigineticaViews
{
    private DigineticaViews(IReadOnlyList<ClickSession> sessions, IReadOnlyDictionary<string, bool> signedIn, IReadOnlySet<string> buyers, IReadOnlyDictionary<string, string> categories)
    {
        Sessions = sessions;
        SignedIn = signedIn;
        Buyers = buyers;
        Categories = categories;
    }

    /// <summary>Sessions of views, each event timed at its day plus its offset in the session; earliest first.</summary>
    public IReadOnlyList<ClickSession> Sessions { get; }

    /// <summary>Whether a session's shopper was signed in (a user id, not NA).</summary>
    public IReadOnlyDictionary<string, bool> SignedIn { get; }

    /// <summary>The sessions that bought something.</summary>
    public IReadOnlySet<string> Buyers { get; }

    /// <summary>Item to category.</summary>
    public IReadOnlyDictionary<string, string> Categories { get; }

    /// <summary>The sessions as purchase-intent sessions: their views (with categories), signed in or not, bought or not.</summary>
    public IReadOnlyList<Intent.IntentSession> ForIntent() =>
        [.. Sessions.Select(s => new Intent.IntentSession(
            s.Id,
            SignedIn.GetValueOrDefault(s.Id),
            [.. s.Items.Select((item, i) => new Intent.IntentEvent(Intent.IntentSignal.View, item, Categories.GetValueOrDefault(item), s.Times[i]))],
            Buyers.Contains(s.Id)))];

    public static DigineticaViews Read(string folder)
    {
        var grouped = new Dictionary<string, (List<string> Items, List<DateTimeOffset> Times)>(StringComparer.Ordinal);
        var signedIn = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (cells, where) in Rows(Path.Combine(folder, "item-views.csv"), "session_id", "user_id", "item_id", "timeframe", "eventdate"))
        {
            if (!long.TryParse(cells[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset)
                || !DateOnly.TryParseExact(cells[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new InvalidDataException($"{where}: timeframe must be an integer and eventdate yyyy-MM-dd.");
            }

            if (!grouped.TryGetValue(cells[0], out var events))
            {
                grouped[cells[0]] = events = ([], []);
            }

            events.Items.Add(cells[2]);
            events.Times.Add(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMilliseconds(offset));
            signedIn[cells[0]] = !string.Equals(cells[1], "NA", StringComparison.Ordinal);
        }

        var buyers = Rows(Path.Combine(folder, "purchases.csv"), "sessionId", "itemId").Select(r => r.Cells[0]).ToHashSet(StringComparer.Ordinal);
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cells, _) in Rows(Path.Combine(folder, "product-categories.csv"), "itemId", "categoryId"))
        {
            categories[cells[0]] = cells[1];
        }

        return new DigineticaViews(Data.Sessions.InTimeOrder(grouped), signedIn, buyers, categories);
    }

    /// <summary>The named columns of every row, in the order asked, with the row's place for messages.</summary>
    private static IEnumerable<(string[] Cells, string Where)> Rows(string path, params string[] wanted)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.")).Split(';');
        var indexes = wanted.Select(name => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column {name}.")).ToArray();
        var line = 1;
        while (reader.ReadLine() is { } row)
        {
            line++;
            var cells = row.Split(';');
            if (cells.Length < header.Length)
            {
                throw new InvalidDataException($"{path}:{line}: expected {header.Length} cells, got \"{row}\".");
            }

            yield return (indexes.Select(i => cells[i]).ToArray(), $"{path}:{line}");
        }
    }
}
