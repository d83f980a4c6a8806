using System.Text.Json.Serialization;

using Orleans.Storage;

namespace Tandem.Grains.Infrastructure;

/// <summary>
/// A journaled state whose every change is one <typeparamref name="TChange"/>: <see cref="Apply"/> evolves the state by
/// it and records it for the next write; replaying a journal entry evolves by each of its changes, recording nothing.
/// A derived state says how a change evolves it (<see cref="Evolve"/>: false when it changes nothing, e.g. seen before).
/// </summary>
[GenerateSerializer]
public abstract class JournaledState<TChange> : IJournaledState
{
    [NonSerialized]
    private readonly ChangeLog<TChange> _changes = new();

    [JsonIgnore]
    public int HandedChanges => _changes.Handed;

    /// <summary>Applies <paramref name="change"/> and records it for the next write; true when it changed the state.</summary>
    public bool Apply(TChange change)
    {
        if (!Evolve(change))
        {
            return false;
        }

        _changes.Record(change);
        return true;
    }

    public void HandOffChanges(IJournaledState target) => _changes.HandOffTo(((JournaledState<TChange>)target)._changes);

    public BinaryData SerializeChanges(IGrainStorageSerializer serializer) => _changes.Serialize(serializer);

    public void Replay(BinaryData changes, IGrainStorageSerializer serializer)
    {
        foreach (var change in _changes.Read(changes, serializer))
        {
            Evolve(change);
        }
    }

    /// <summary>Changes the state by <paramref name="change"/>; false when it changes nothing.</summary>
    protected abstract bool Evolve(TChange change);
}
