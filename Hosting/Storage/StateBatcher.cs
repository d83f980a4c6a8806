using System.Threading.Channels;

using Npgsql;

namespace Tandem.Hosting.Storage;

/// <summary>One read or write of one grain's state, waiting in a <see cref="StateBatcher{TItem}"/>.</summary>
internal interface IBatchItem
{
    /// <summary>The row it touches; one batch touches a row at most once.</summary>
    string Key { get; }

    /// <summary>Answers the caller with a failure (a no-op once answered).</summary>
    void Fail(Exception exception);
}

/// <summary>
/// Gathers the requests of all activations of a silo and hands them to <c>send</c> in batches: a batch leaves
/// as soon as one of <see cref="PostgresGrainStorageOptions.MaxConcurrentBatches"/> slots is free (after at
/// most <see cref="PostgresGrainStorageOptions.Linger"/>, or at once when
/// <see cref="PostgresGrainStorageOptions.MaxRows"/> are waiting), so the busier the silo, the bigger the
/// batches. A second request for a row already in the batch waits for the next one, keeping each row's
/// requests in order. <c>send</c> answers every item; if it throws, every item of its batch fails with the
/// exception (after retrying deadlocks and serialization failures, which PostgreSQL rolled back).
/// </summary>
internal sealed class StateBatcher<TItem> : IAsyncDisposable
    where TItem : class, IBatchItem
{
    private readonly Channel<TItem> _queue = Channel.CreateUnbounded<TItem>(); // not single-reader: that reader cannot count
    private readonly Func<IReadOnlyList<TItem>, Task> _send;
    private readonly PostgresGrainStorageOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly string _kind;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _batches;
    private long _rows;

    /// <param name="kind">What the batches do ("read", "write"), for logs and metrics.</param>
    /// <param name="send">Sends one batch and answers each of its items.</param>
    /// <param name="options">Batch sizes, linger and concurrency.</param>
    /// <param name="logger">Where retries and failures are logged.</param>
    public StateBatcher(string kind, Func<IReadOnlyList<TItem>, Task> send, PostgresGrainStorageOptions options, ILogger logger)
    {
        _kind = kind;
        _send = send;
        _options = options;
        _logger = logger;
        _slots = new SemaphoreSlim(options.MaxConcurrentBatches, options.MaxConcurrentBatches);
        _loop = Task.Run(RunAsync); // on the thread pool, never on the scheduler of the activation that happened to create it
    }

    /// <summary>Batches sent so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Rows sent so far, in all batches.</summary>
    public long Rows => Interlocked.Read(ref _rows);

    public void Enqueue(TItem item)
    {
        if (!_queue.Writer.TryWrite(item))
        {
            item.Fail(new ObjectDisposedException(nameof(PostgresGrainStorage), "The grain storage has stopped."));
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        List<TItem> carried = [];
        while (carried.Count > 0 || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _slots.WaitAsync().ConfigureAwait(false);
            if (_options.Linger > TimeSpan.Zero && carried.Count + reader.Count < _options.MaxRows)
            {
                await Task.Delay(_options.Linger).ConfigureAwait(false);
            }

            var batch = new List<TItem>(Math.Min(carried.Count + reader.Count, _options.MaxRows));
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var later = new List<TItem>();
            foreach (var item in carried)
            {
                (batch.Count < _options.MaxRows && keys.Add(item.Key) ? batch : later).Add(item);
            }

            while (batch.Count < _options.MaxRows && reader.TryRead(out var item))
            {
                (keys.Add(item.Key) ? batch : later).Add(item);
            }

            carried = later;
            _ = SendAsync(batch);
        }
    }

    private async Task SendAsync(List<TItem> batch)
    {
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await _send(batch).ConfigureAwait(false);
                    break;
                }
                catch (PostgresException ex) when (ex.IsTransient && attempt < _options.TransientRetries)
                {
                    _logger.BatchRetried(ex, _kind, batch.Count, attempt + 1);
                }
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _rows, batch.Count);
            StorageMetrics.BatchRows.Record(batch.Count, new KeyValuePair<string, object?>("kind", _kind));
        }
        catch (Exception ex)
        {
            _logger.BatchFailed(ex, _kind, batch.Count);
            foreach (var item in batch)
            {
                item.Fail(ex);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Sends what is queued, waits for every batch in flight, then refuses new requests.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        for (var i = 0; i < _options.MaxConcurrentBatches; i++)
        {
            await _slots.WaitAsync().ConfigureAwait(false);
        }

        _slots.Dispose();
    }
}
