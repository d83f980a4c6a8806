using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Experiments;

internal static partial class ExperimentsLog
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Experiment {ExperimentId} could not announce version {Version} to the experiments' list; its reminder tries again")]
    public static partial void AnnounceFailed(this ILogger logger, Exception exception, string experimentId, long version);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Reading the running experiments failed; the recommender keeps the list it had")]
    public static partial void RunningUnread(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Session {SessionId} could not record its exposure to {Experiments}; the next list tries again")]
    public static partial void ExposureFailed(this ILogger logger, Exception exception, string sessionId, string experiments);
}
