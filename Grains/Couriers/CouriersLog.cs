using Microsoft.Extensions.Logging;

using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Couriers;

/// <summary>What the courier grains log (source-generated).</summary>
internal static partial class CouriersLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Courier board {Partition} could not read its couriers; it keeps what the stream told it")]
    public static partial void BoardReadFailed(this ILogger logger, Exception exception, StreamPartition partition);
}
