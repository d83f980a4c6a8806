using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Kpis;

internal static partial class KpisLog
{
    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "KPI region {Region} could not save {Minutes} minutes to its history; it tries again")]
    public static partial void HistoryFailed(this ILogger logger, Exception exception, string region, int minutes);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "The stock census could not count every cell; the KPIs miss this census and the next one counts again")]
    public static partial void CensusFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "Stock range shard {Shard} could not tell experiment {Experiment} what the census of minute {Minute} read of its store cells; that census is not an observation of them")]
    public static partial void CellObservationsFailed(this ILogger logger, Exception exception, long shard, string experiment, long minute);
}
