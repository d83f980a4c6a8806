using Orleans.Storage;

namespace Tandem.Grains.Infrastructure;

/// <summary>
/// The changes a journaled state (<see cref="IJournaledState"/>) recorded since its last hand-off to storage, and
/// those handed to the copy storage writes; the state keeps one, never stored, and delegates its journal members to it.
/// </summary>
public sealed class ChangeLog<TChange>
{
    private List<TChange> _unwritten = [];
    private List<TChange> _handed = [];

    /// <summary>How many changes were handed to this log's state for storage to write.</summary>
    public int Handed => _handed.Count;

    public void Record(TChange change) => _unwritten.Add(change);

    /// <summary>Moves the changes recorded since the last hand-off to <paramref name="target"/> (the log of what storage is given).</summary>
    public void HandOffTo(ChangeLog<TChange> target)
    {
        _handed = [];
        target._handed = _unwritten;
        _unwritten = [];
    }

    /// <summary>The handed changes as one journal entry.</summary>
    public BinaryData Serialize(IGrainStorageSerializer serializer) => serializer.Serialize(_handed);

    /// <summary>The changes of one journal entry read back, in the order they were made.</summary>
    public IEnumerable<TChange> Read(BinaryData changes, IGrainStorageSerializer serializer) => serializer.Deserialize<List<TChange>>(changes) ?? [];
}
