using Orleans.Storage;

namespace Tandem.Grains.Infrastructure;

/// <summary>
/// A state that can be stored as the changes made to it since its last write, with a whole copy now and then,
/// instead of whole on every write. The live state records its changes; <see cref="GroupCommit{TState,TEvent}"/>
/// hands those made since the last write to the copy it gives storage; a storage that keeps changes writes only
/// them and, reading the state back, applies them to the last whole copy in the order they were written. A
/// storage that does not keep changes writes the copy whole, as for any state.
/// </summary>
public interface IJournaledState
{
    /// <summary>
    /// Moves the changes this live state recorded since the last hand-off to <paramref name="target"/>, what storage is
    /// given to write: a copy of it, or the live state itself when storage serializes at once.
    /// </summary>
    void HandOffChanges(IJournaledState target);

    /// <summary>How many changes were handed to this state.</summary>
    int HandedChanges { get; }

    /// <summary>The changes handed to this state, serialized as one entry of the state's journal.</summary>
    BinaryData SerializeChanges(IGrainStorageSerializer serializer);

    /// <summary>Applies one journal entry read back from storage (what <see cref="SerializeChanges"/> wrote), recording nothing.</summary>
    void Replay(BinaryData changes, IGrainStorageSerializer serializer);
}
