using Microsoft.Extensions.Logging;

using Tandem.Contracts.Returns;

namespace Tandem.Grains.Returns;

internal static partial class ReturnsLog
{
    [LoggerMessage(EventId = 2901, Level = LogLevel.Warning, Message = "Return {ReturnId} could not deliver its duties; the sweeper tries again")]
    public static partial void DutiesFailed(this ILogger logger, Exception exception, string returnId);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Warning, Message = "Return {ReturnId}: {Duty} was refused ({Detail}); trying again")]
    public static partial void DutyRefused(this ILogger logger, string returnId, ReturnDuty duty, string? detail);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Warning, Message = "Return {ReturnId} is {Clock}: collected at {CollectedAt:O}, not back on sale")]
    public static partial void ResaleAlert(this ILogger logger, string returnId, ResaleClock clock, DateTimeOffset collectedAt);
}
