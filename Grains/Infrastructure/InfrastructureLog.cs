using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Infrastructure;

/// <summary>What the grains' shared machinery logs (source-generated: publishing and writing are hot paths).</summary>
internal static partial class InfrastructureLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Publishing {EventType} for {EntityId} on {Namespace} failed")]
    public static partial void PublishFailed(this ILogger logger, Exception exception, string eventType, string entityId, string @namespace);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Writing {Grain} {GrainId} failed; {Count} change(s) not saved")]
    public static partial void WriteFailed(this ILogger logger, Exception exception, string grain, GrainId grainId, int count);
}
