using System.Text.Json;

namespace Tandem.Brains.Intent;

/// <summary>
/// Reads the session log: every <c>*.jsonl</c> file in a folder (each silo writes its own), lines of
/// <see cref="SessionLogLine"/>. A session bought when it placed an order; its behaviour is read up to its first order
/// (what a live score could have seen before the purchase: by <see cref="SessionLogLine.Seq"/>, or by time for lines
/// without one). Lines that do not parse are counted and skipped. A session whose last line is within
/// <c>open</c> of the log's newest line may still be shopping (and buy): it is left out and counted as open.
/// </summary>
public static class SessionLog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Where silos write the log unless configured: the user's local application data, e.g. <c>~/.local/share/Tandem/session-log</c>.</summary>
    public static string DefaultFolder => Path.Combine(LocalData.Folder, "session-log");

    public sealed record Contents(IReadOnlyList<IntentSession> Sessions, int Lines, int Unreadable, int Open);

    public static Contents Read(string folder, TimeSpan open = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No session log at {folder}.");
        }

        var lines = new List<SessionLogLine>();
        var count = 0;
        var unreadable = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var text in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                count++;
                try
                {
                    if (JsonSerializer.Deserialize<SessionLogLine>(text, Json) is { Session.Length: > 0, Kind.Length: > 0 } line)
                    {
                        lines.Add(line);
                        continue;
                    }
                }
                catch (JsonException)
                {
                }

                unreadable++;
            }
        }

        var newest = lines.Count == 0 ? DateTimeOffset.MinValue : lines.Max(l => l.At);
        var groups = lines.GroupBy(l => l.Session, StringComparer.Ordinal).ToList();
        var settled = groups.Where(g => g.Max(l => l.At) <= newest - open).ToList();
        var sessions = settled.Select(g =>
        {
            var orders = g.Where(l => l.Kind == SessionLogLine.OrderKind).ToList();
            var first = orders.MinBy(o => o.Seq ?? long.MaxValue) is { Seq: not null } counted ? counted : orders.MinBy(o => o.At);
            var events = g.Where(l => first is null || (first.Seq is { } seq && l.Seq is { } number ? number < seq : l.At < first.At))
                .Select(l => l.ToIntent()).OfType<IntentEvent>()
                .OrderBy(e => e.At)
                .ToList();
            return new IntentSession(g.Key, SignedIn: true, events, Bought: first is not null);
        }).Where(s => s.Events.Count > 0).OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        return new Contents(sessions, count, unreadable, groups.Count - settled.Count);
    }
}
