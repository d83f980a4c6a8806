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

    public async Task PublishAsync<T>(string streamNamespace, string entityId, T item)
    {
        try
        {
            _provider ??= grain.GetStreamProvider(StreamMap.Provider);
            await _provider.GetStream<T>(StreamMap.For(streamNamespace, entityId)).OnNextAsync(item);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.PublishFailed(ex, typeof(T).Name, entityId, streamNamespace);
        }
    }
}
