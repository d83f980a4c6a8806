using System.Globalization;

using Orleans.Storage;

namespace Tandem.Hosting.Storage;

/// <summary>
/// Where an activation stands in the storage of a state that records its changes, given out as its ETag
/// (<c>version/seq/through/copyBytes/logBytes</c>): the version of the whole copy it read or wrote, the last journal
/// row it read or wrote, the last row that copy includes, the size of that copy and of the rows after it.
/// </summary>
internal readonly record struct JournalPosition(long Version, long Seq, long Through, long CopyBytes = 0, long LogBytes = 0)
{
    /// <summary>Journal rows written since the whole copy.</summary>
    public long Behind => Seq - Through;

    /// <summary>Whether the next write, of <paramref name="appending"/> bytes of changes, should be a whole copy (<see cref="JournalCopies.Due"/>).</summary>
    public bool CopyDue(int every, long appending) => JournalCopies.Due(Behind, every, LogBytes, appending, CopyBytes);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Version}/{Seq}/{Through}/{CopyBytes}/{LogBytes}");

    public static JournalPosition Parse(string etag, GrainId grainId, string stateName)
    {
        var parts = etag.Split('/');
        var numbers = parts.Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        return parts.Length == 5 && numbers.All(n => n >= 0)
            ? new JournalPosition(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
            : throw new InconsistentStateException($"{grainId} holds ETag '{etag}' for {stateName}, which this storage never gave out.", "unknown", etag);
    }
}
