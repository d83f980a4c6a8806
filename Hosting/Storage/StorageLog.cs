namespace Tandem.Hosting.Storage;

/// <summary>What the PostgreSQL grain storage logs.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "A {Kind} batch of {Rows} row(s) was rolled back by PostgreSQL and is tried again (attempt {Attempt})")]
    public static partial void BatchRetried(this ILogger logger, Exception exception, string kind, int rows, int attempt);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "A {Kind} batch of {Rows} row(s) failed; every caller in it is told")]
    public static partial void BatchFailed(this ILogger logger, Exception exception, string kind, int rows);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Grain {GrainId} could not write {StateName}: it holds version {Expected}, the row has another")]
    public static partial void WriteConflict(this ILogger logger, string grainId, string stateName, string expected);
}
