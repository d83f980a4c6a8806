using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Dispatch;

/// <summary>What dispatch logs (source-generated).</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Order {OrderId} left the dispatch queue")]
    public static partial void LeftQueue(this ILogger logger, string orderId);
}
