using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Demand;

internal static partial class DemandLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Saving {Days} days of {Cell}'s demand to the facts tables failed; they stay owed")]
    public static partial void DemandFactsFailed(this ILogger logger, Exception exception, string cell, int days);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Saving {Cell}'s forecast to the facts tables failed; the forecast grain keeps it")]
    public static partial void ForecastFactsFailed(this ILogger logger, Exception exception, string cell);
}
