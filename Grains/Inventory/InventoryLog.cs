using Microsoft.Extensions.Logging;

using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Inventory;

internal static partial class InventoryLog
{
    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Cell {Cell} is hot: split into {Buckets} buckets of {Share} units each")]
    public static partial void CellSplit(this ILogger logger, CellKey cell, int buckets, int share);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Cell {Cell} is quiet: took back its {Buckets} buckets")]
    public static partial void CellMerged(this ILogger logger, CellKey cell, int buckets);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Warning, Message = "Cell {Cell} could not read its buckets for its totals; it tries again at the next tick")]
    public static partial void BucketsUnread(this ILogger logger, Exception exception, CellKey cell);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Warning, Message = "Cell {Cell} could not {Action} its rush reminder")]
    public static partial void RushReminderFailed(this ILogger logger, Exception exception, CellKey cell, string action);

    [LoggerMessage(EventId = 2505, Level = LogLevel.Warning, Message = "Cell {Cell} could not add itself to the stock census on activation; its next receipt, count or bin adds it")]
    public static partial void CensusJoinFailed(this ILogger logger, Exception exception, string cell);
}
