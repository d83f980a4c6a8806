using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Forecasts;

internal static partial class ForecastsLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "A forecast round failed; its cells wait for the next one")]
    public static partial void ForecastRoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Training the global demand model failed; the stages' fallbacks serve alone")]
    public static partial void ForecastTrainingFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Reading the demand signals from {Source} failed; this round forecasts without them")]
    public static partial void ForecastSignalsFailed(this ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Re-forecast {Cells} cells with {Model} in {Seconds:F1} s")]
    public static partial void ForecastRound(this ILogger logger, int cells, string model, double seconds);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "{Cells} cells could not tell their experiments the service level they met; their next forecast tells them again")]
    public static partial void ServiceLevelExposureFailed(this ILogger logger, Exception exception, int cells);
}
