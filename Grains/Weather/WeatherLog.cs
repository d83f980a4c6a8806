using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Weather;

internal static partial class WeatherLog
{
    [LoggerMessage(EventId = 2801, Level = LogLevel.Warning, Message = "The weather feed {Feed} could not be read; the rain it reported last stays until it ends")]
    public static partial void FeedUnreadable(this ILogger logger, Exception exception, string feed);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Information, Message = "The weather feed {Feed} reports {Areas} area(s) of rain")]
    public static partial void FeedRead(this ILogger logger, string feed, int areas);
}
