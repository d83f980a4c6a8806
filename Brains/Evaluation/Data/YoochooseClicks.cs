using System.Globalization;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>
/// Reads RecSys Challenge 2015 (YOOCHOOSE) click files as prepared by session-rec: tab-separated with the header
/// <c>SessionId ItemId Time</c>, Time in Unix seconds; a session's rows in time order, sessions in any order.
/// </summary>
public static class YoochooseClicks
{
    public static IReadOnlyList<ClickSession> Read(string path)
    {
        var sessions = new Dictionary<string, (List<string> Items, List<DateTimeOffset> Times)>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.");
        var columns = header.Split('\t');
        int Column(string name) => Array.IndexOf(columns, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column {name} (header: {header}).");
        var (session, item, time) = (Column("SessionId"), Column("ItemId"), Column("Time"));
        var line = 1;
        while (reader.ReadLine() is { } row)
        {
            line++;
            var cells = row.Split('\t');
            if (cells.Length < columns.Length || !double.TryParse(cells[time], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                throw new InvalidDataException($"{path}:{line}: expected {columns.Length} tab-separated cells with a numeric Time, got \"{row}\".");
            }

            if (!sessions.TryGetValue(cells[session], out var events))
            {
                sessions[cells[session]] = events = ([], []);
            }

            events.Items.Add(cells[item]);
            events.Times.Add(DateTimeOffset.UnixEpoch.AddSeconds(seconds));
        }

        return Sessions.InTimeOrder(sessions);
    }
}
