using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Push;

/// <summary>What Web Push logs (source-generated).</summary>
internal static partial class PushLog
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Not pushing to courier {CourierId}: the subscription is not allowed or not valid")]
    public static partial void SubscriptionRefused(this ILogger logger, string courierId);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Pushing to courier {CourierId} failed (attempt {Attempt})")]
    public static partial void PushFailed(this ILogger logger, Exception exception, string courierId, int attempt);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "The push service answered {Status} for courier {CourierId}; asking again in {Wait}")]
    public static partial void AskingAgain(this ILogger logger, int status, string courierId, TimeSpan wait);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Warning, Message = "The push service answered {Status} for courier {CourierId}: {Body}")]
    public static partial void PushRefused(this ILogger logger, int status, string courierId, string body);
}
