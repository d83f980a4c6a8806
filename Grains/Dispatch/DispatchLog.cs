using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Dispatch;

/// <summary>What dispatch logs (source-generated).</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Order {OrderId} left the dispatch queue")]
    public static partial void LeftQueue(this ILogger logger, string orderId);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Zone {Zone} could not tell experiment {ExperimentId} it met a variant; the next window tells it again")]
    public static partial void ExposureFailed(this ILogger logger, Exception exception, string zone, string experimentId);
}
