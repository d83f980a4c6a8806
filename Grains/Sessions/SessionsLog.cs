using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Sessions;

internal static partial class SessionsLog
{
    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "Session {SessionId} could not deliver what it owes {To}; it tries again")]
    public static partial void DeliveryFailed(this ILogger logger, Exception exception, string sessionId, string to);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Error, Message = "Session {SessionId} dropped its {Count} oldest undelivered lessons: the product graph has not answered for too long")]
    public static partial void LessonsDropped(this ILogger logger, string sessionId, int count);
}
