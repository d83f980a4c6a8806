using Microsoft.Extensions.Logging;

using Orleans.Serialization;

using Tandem.Grains.Interfaces.Errors;

namespace Tandem.Grains.Infrastructure;

/// <summary>
/// Group commit for a reentrant grain: changes made while a write is in flight are written together by the
/// next write, and a caller is answered only once the write holding its change has succeeded.
/// <para>
/// Every write hands storage a deep copy of the state taken on the grain's scheduler, before the first
/// await of the write. Storage providers may serialize later on another thread (Orleans' ADO.NET storage
/// does, after awaiting a connection), while the grain keeps changing its live state; the copy is what
/// makes the stored bytes one state the grain was really in. A storage that serializes before it first yields
/// (<see cref="ICapturesStateOnWrite"/>) is handed the live state itself, and nothing is copied. A state that records
/// its changes (<see cref="IJournaledState"/>) hands what storage is given the changes made since the last write.
/// </para>
/// <para>
/// A failed write fails every waiting change and every later call (<see cref="ThrowIfFailed"/>) and retires
/// the activation, so unsaved state is never served: the next activation reads the last saved state.
/// </para>
/// </summary>
/// <typeparam name="TState">The persisted state; the grain changes only <see cref="State"/>.</typeparam>
/// <typeparam name="TEvent">What a change announces once it is durable (e.g. a stream event).</typeparam>
public sealed class GroupCommit<TState, TEvent>
    where TState : class
{
    private readonly IPersistentState<TState> _storage;
    private readonly DeepCopier<TState>? _copier;
    private readonly Grain _grain;
    private readonly Func<TEvent, Task> _announce;
    private readonly ILogger _logger;
    private readonly TState _live;
    private Batch? _open;
    private Batch? _lastHandedOff;
    private Task _writes = Task.CompletedTask;
    private Exception? _failure;

    /// <param name="storage">The grain's persistent state, already read: create this in <c>OnActivateAsync</c>.</param>
    /// <param name="copier">Copies the state for each write; null when storage captures the state itself (<see cref="ICapturesStateOnWrite"/>).</param>
    /// <param name="grain">The owning grain, retired when a write fails.</param>
    /// <param name="announce">Called for each change, in order, once the write holding it succeeded; must not throw.</param>
    /// <param name="logger">Where failed writes are logged.</param>
    public GroupCommit(IPersistentState<TState> storage, DeepCopier<TState>? copier, Grain grain, Func<TEvent, Task> announce, ILogger logger)
    {
        _storage = storage;
        _copier = copier;
        _grain = grain;
        _announce = announce;
        _logger = logger;
        _live = storage.State;
    }

    /// <summary>The live state, which only the grain changes; storage is handed copies of it.</summary>
    public TState State => _live;

    /// <summary>A write has failed: this activation serves nothing more.</summary>
    public bool Failed => _failure is not null;

    /// <summary>Throws <see cref="StorageUnavailableException"/> once a write has failed in this activation.</summary>
    public void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new StorageUnavailableException($"{_grain.GetType().Name} could not save its state; retry the call.", _failure);
        }
    }

    /// <summary>
    /// Records that <see cref="State"/> was changed in this turn: completes once a write holding the change has
    /// succeeded (then <paramref name="announcement"/>, if any, has been announced), fails if that write fails.
    /// </summary>
    public Task Changed(TEvent? announcement)
    {
        var batch = _open ??= HandOffNewBatch();
        if (announcement is not null)
        {
            batch.Announcements.Add(announcement);
        }

        return batch.Durable.Task;
    }

    /// <summary>Completes once everything changed so far is durable (what a read or a replay must wait for).</summary>
    public Task Durable() => (_open ?? _lastHandedOff)?.Durable.Task ?? Task.CompletedTask;

    /// <summary>Completes when every write handed off so far has ended (for deactivation).</summary>
    public Task Drain() => _writes;

    private Batch HandOffNewBatch()
    {
        var batch = new Batch();
        var previous = _writes;
        _lastHandedOff = batch;
        _writes = WriteAsync(previous, batch);
        return batch;
    }

    private async Task WriteAsync(Task previous, Batch batch)
    {
        // Let the commands already queued at this activation join the batch, and writes stay in order.
        await Task.Yield();
        await previous;
        if (ReferenceEquals(_open, batch))
        {
            _open = null;
        }

        if (_failure is null)
        {
            try
            {
                var handed = _copier?.Copy(_live) ?? _live; // a copy nobody changes, taken before the first await, unless storage captures it
                if (_live is IJournaledState journaled)
                {
                    journaled.HandOffChanges((IJournaledState)handed); // what changed since the last write, for a storage that keeps changes
                }

                _storage.State = handed;
                await _storage.WriteStateAsync();
            }
            catch (Exception ex)
            {
                _failure = ex;
                _grain.DeactivateOnIdle();
                _logger.WriteFailed(ex, _grain.GetType().Name, _grain.GetGrainId(), batch.Announcements.Count);
            }
        }

        if (_failure is not null)
        {
            batch.Durable.TrySetException(new StorageUnavailableException($"{_grain.GetType().Name} {_grain.GetGrainId()} could not save its state; nothing changed.", _failure));
            return;
        }

        foreach (var announcement in batch.Announcements)
        {
            await _announce(announcement);
        }

        batch.Durable.TrySetResult();
    }

    /// <summary>Changes made in memory that one state write will make durable, and who waits for it.</summary>
    private sealed class Batch
    {
        public List<TEvent> Announcements { get; } = [];

        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
