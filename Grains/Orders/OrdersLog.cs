using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Orders;

/// <summary>What orders log (source-generated).</summary>
internal static partial class OrdersLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Order {OrderId} could not deliver {Duty}; trying again")]
    public static partial void DutyFailed(this ILogger logger, Exception exception, string orderId, OrderDutyKind duty);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Order {OrderId} could not finish its step; trying again")]
    public static partial void StepFailed(this ILogger logger, Exception exception, string orderId);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Order {OrderId} could not give back {Sku} at {Location}: {Detail}")]
    public static partial void RestockFailed(this ILogger logger, string orderId, string sku, string location, string? detail);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Warning, Message = "The sweeper could not ask the grain storage for due orders or sessions; asking again at the next sweep")]
    public static partial void SweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Warning, Message = "Grain {Grain} could not catch up; it stays due")]
    public static partial void CatchUpFailed(this ILogger logger, Exception exception, string grain);
}
