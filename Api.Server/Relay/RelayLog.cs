namespace Tandem.Api.Relay;

/// <summary>What the relay and the control room feed log (source-generated: the relay is a hot path).</summary>
internal static partial class RelayLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Relaying {Count} stream partitions to SignalR")]
    public static partial void Relaying(this ILogger logger, int count);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Unsubscribing from the streams did not finish during shutdown")]
    public static partial void UnsubscribeUnfinished(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Relaying a {EventType} failed")]
    public static partial void RelayFailed(this ILogger logger, Exception exception, string eventType);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Sending {Count} events to the control room failed")]
    public static partial void OpsBatchFailed(this ILogger logger, Exception exception, int count);
}
