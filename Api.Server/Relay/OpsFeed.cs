using System.Threading.Channels;

using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Hubs;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Ops;

namespace Tandem.Api.Relay;

/// <summary>
/// Batches every event for the control room and sends a batch every <see cref="Interval"/> (10 Hz), at most
/// <see cref="MaxBatch"/> events each. The queue is bounded: under overload the oldest events are dropped,
/// never the Api's memory. Keeps the last <see cref="RecentCount"/> events for snapshots.
/// </summary>
public sealed class OpsFeed(IHubContext<OpsHub> hub, ILogger<OpsFeed> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    public const int MaxBatch = 500;
    public const int RecentCount = 100;

    private readonly Channel<OpsEvent> _queue = Channel.CreateBounded<OpsEvent>(
        new BoundedChannelOptions(20_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Queue<OpsEvent> _recent = new();
    private readonly Lock _recentLock = new();

    public void Post(OpsEvent item) => _queue.Writer.TryWrite(item);

    public IReadOnlyList<OpsEvent> Recent()
    {
        lock (_recentLock)
        {
            return [.. _recent];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var batch = new List<OpsEvent>(MaxBatch);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            Remember(batch);
            try
            {
                await hub.Clients.Group(HubContract.Groups.Ops).SendAsync(HubContract.Events.Event, batch.ToArray(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.OpsBatchFailed(ex, batch.Count);
            }

            batch.Clear();
        }
    }

    private void Remember(List<OpsEvent> batch)
    {
        lock (_recentLock)
        {
            foreach (var item in batch)
            {
                _recent.Enqueue(item);
            }

            while (_recent.Count > RecentCount)
            {
                _recent.Dequeue();
            }
        }
    }
}
