using System.Globalization;

using Orleans.Storage;

namespace Tandem.Hosting.Storage;

/// <summary>
/// Where an activation stands in the storage of a state that records its changes, given out as its ETag
/// (<c>version/seq/through</c>): the version of the whole copy it read or wrote, the last journal row it read or
/// wrote, and the last row that copy includes.
/// </summary>
internal readonly record struct JournalPosition(long Version, long Seq, long Through)
{
    /// <summary>Journal rows written since the whole copy.</summary>
    public long Behind => Seq - Through;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Version}/{Seq}/{Through}");

    public static JournalPosition Parse(string etag, GrainId grainId, string stateName)
    {
        var parts = etag.Split('/');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var through)
                ? new JournalPosition(version, seq, through)
                : throw new InconsistentStateException($"{grainId} holds ETag '{etag}' for {stateName}, which this storage never gave out.", "unknown", etag);
    }
}
