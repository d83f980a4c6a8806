using Microsoft.Extensions.Logging;

using Orleans.Streams;

using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Grains.Infrastructure;

/// <summary>
/// Publishes a grain's events on the Tandem streams. Streams notify, state decides: a publish that fails
/// is logged and does not undo the state change that was already written.
/// </summary>
public sealed class EventPublisher(Grain grain, ILogger logger)
{
    private IStreamProvider? _provider;

    public Task PublishAsync<T>(string streamNamespace, string entityId, T item) => PublishAsync(StreamMap.For(streamNamespace, entityId), entityId, item);

    /// <summary>Publishes <paramref name="item"/> on every partition of the namespace, for news every consumer of it must hear.</summary>
    public Task PublishToAllAsync<T>(string streamNamespace, string entityId, T item) =>
        Task.WhenAll(StreamMap.All(streamNamespace).Select(stream => PublishAsync(stream, entityId, item)));

    private async Task PublishAsync<T>(StreamId stream, string entityId, T item)
    {
        try
        {
            _provider ??= grain.GetStreamProvider(StreamMap.Provider);
            await _provider.GetStream<T>(stream).OnNextAsync(item);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.PublishFailed(ex, typeof(T).Name, entityId, stream.GetNamespace() ?? "");
        }
    }
}
