using Microsoft.Extensions.Logging;

namespace Tandem.Grains.Intent;

internal static partial class IntentLog
{
    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Purchase intent now scored by model {Version} (was {Before}); it measured ROC AUC {RocAuc} against {ViewsRocAuc} for the count of views")]
    public static partial void ModelSwapped(this ILogger logger, string version, string before, double rocAuc, double viewsRocAuc);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Error, Message = "Purchase-intent model {Version} in {Folder} could not be loaded; the current model stays")]
    public static partial void ModelUnloadable(this ILogger logger, Exception exception, string version, string folder);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Warning, Message = "The purchase-intent model folder {Folder} could not be read")]
    public static partial void ModelFolderUnreadable(this ILogger logger, Exception exception, string folder);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Warning, Message = "The session log {Folder} could not be written; {Lines} lines lost")]
    public static partial void LogUnwritable(this ILogger logger, Exception exception, string folder, int lines);

    [LoggerMessage(EventId = 2705, Level = LogLevel.Warning, Message = "The session log fell behind: {Lines} lines dropped")]
    public static partial void LogDropped(this ILogger logger, long lines);
}
